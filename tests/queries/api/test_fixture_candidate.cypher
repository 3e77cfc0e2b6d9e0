// name: api/test_fixture_candidate
// description: Test fixture: a POSSIBLY_SAME_AS resolution candidate between two entities found by name, as
// description: ingest or `lantern analyze` would record it.
// params: a (string; name), b (string; name), reason (string)
// returns: created
// mode: write
MATCH (a:Entity {name: $a}), (b:Entity {name: $b})
MERGE (a)-[s:POSSIBLY_SAME_AS]->(b)
SET s.score = 0.8, s.reason = $reason, s.source = 'test'
RETURN count(s) AS created
