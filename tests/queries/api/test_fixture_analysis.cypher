// name: api/test_fixture_analysis
// description: Test fixture: write analytics properties (network_id, community_id, pagerank, risk_score, ...)
// description: on entities found by name, and one AnalysisRun node, as `graph.analytics` would.
// params: rows (list of {name, props: {..}}), run (map of AnalysisRun properties)
// returns: updated
// mode: write
UNWIND $rows AS row
MATCH (e:Entity {name: row.name})
SET e += row.props
WITH count(e) AS updated
CREATE (r:AnalysisRun)
SET r = $run
RETURN updated
