// name: analysis/test_run_ids
// description: Test helper: the run id written on every entity that has a network id.
// params: (none)
// returns: id, analysis_run_id
// mode: read
MATCH (e:Entity) WHERE e.network_id IS NOT NULL
RETURN e.id AS id, e.analysis_run_id AS analysis_run_id
