// name: analysis/test_similarity_candidates
// description: Test helper (also handy for analysts): POSSIBLY_SAME_AS candidates written by node similarity.
// params: (none)
// returns: a, b (display names), score, reason, source, run_id
// mode: read
MATCH (a:Entity)-[s:POSSIBLY_SAME_AS]->(b:Entity)
WHERE s.source = 'gds-node-similarity'
RETURN a.name AS a, b.name AS b, s.score AS score, s.reason AS reason, s.source AS source, s.run_id AS run_id
ORDER BY score DESC, a, b
