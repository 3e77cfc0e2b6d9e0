// name: money/entity_risk
// description: An entity's stored risk score and reasons (the analysis run wrote them), to show what money
// description: red flags added.
// params: id (string; e.g. "person:rainer vogt")
// returns: id, name, risk_score, reasons
// mode: read
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, e.risk_score AS risk_score, coalesce(e.risk_reasons, []) AS reasons
