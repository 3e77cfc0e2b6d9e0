// name: ftm/test_set_risk_reasons
// description: Test fixture: give an entity analysis reasons (as graph/analytics/risk.py writes them).
// params: id (entity id), reasons (list of strings)
// returns: count
// mode: write
MATCH (n:Entity {id: $id})
SET n.risk_reasons = $reasons
RETURN count(*) AS count
