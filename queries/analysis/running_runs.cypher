// name: analysis/running_runs
// description: Analytics runs recorded as still running, with their owner (host name, process id; null for
// description: runs recorded by a Lantern that did not store them): a run whose process is gone was killed.
// params: (none)
// returns: id, host, pid, started_ms (epoch milliseconds)
// mode: read
MATCH (r:AnalysisRun {status: 'running'})
RETURN r.id AS id, r.host AS host, r.pid AS pid, r.started_at.epochMillis AS started_ms
ORDER BY id
