// name: analysis/merge_run
// description: Create or update the AnalysisRun node that records one `lantern analyze` run.
// params: run (map: id, algorithms (list), parameters (JSON string), node_count, relationship_count,
// params: started_at (ISO datetime string), duration_ms, status, error, excluded_hubs (list of strings),
// params: network_count, community_count, steps (list))
// returns: id
// mode: write
MERGE (r:AnalysisRun {id: $run.id})
SET r += $run, r.started_at = datetime($run.started_at)
RETURN r.id AS id
