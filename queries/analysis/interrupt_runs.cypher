// name: analysis/interrupt_runs
// description: Mark runs whose process was killed (still 'running', owner gone) as interrupted, with the reason.
// params: ids (list of run ids), reason (string)
// returns: interrupted (run ids)
// mode: write
MATCH (r:AnalysisRun {status: 'running'})
WHERE r.id IN $ids
SET r.status = 'interrupted', r.error = $reason
RETURN collect(r.id) AS interrupted
