// name: api/analysis_runs
// description: API `analysisRuns`: analytics runs, newest first.
// params: offset (int), limit (int)
// returns: run (map of AnalysisRun properties)
// mode: read
MATCH (r:AnalysisRun)
RETURN r {.*} AS run
ORDER BY toString(r.started_at) DESC, r.id
SKIP $offset
LIMIT $limit
