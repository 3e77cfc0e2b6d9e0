// name: screening/hit_context
// description: For each screening hit, what its risk band is built from: the hit itself when it is a person or
// description: organisation, else the persons and organisations that use the identifier; their risk scores
// description: (analytics), trafficking roles and the indicator types of the documents that mention them.
// description: No evidence text, names or other identifiers are returned.
// params: ids (list of entity ids — hits only)
// returns: id, doc_count, subjects (list of maps: risk_score, roles, indicators)
// mode: read
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})
CALL (e) {
  OPTIONAL MATCH (h:Entity)-[:USES_PHONE|USES_EMAIL|USES_ACCOUNT]->(e)
  WITH e, collect(DISTINCT h) AS holders
  RETURN CASE WHEN e:Person OR e:Organization THEN [e] ELSE holders END AS subjects
}
CALL (subjects) {
  UNWIND subjects AS s
  OPTIONAL MATCH (s)-[:HAS_ROLE]->(role:Role)
  WITH s, collect(DISTINCT role.id) AS roles
  OPTIONAL MATCH (s)-[:MENTIONED_IN]->(:Document)-[:HAS_INDICATOR]->(i:Indicator)
  WITH s, roles, collect(DISTINCT i.id) AS indicators
  RETURN collect({risk_score: s.risk_score, roles: roles, indicators: indicators}) AS facts
}
RETURN e.id AS id, coalesce(e.doc_count, 0) AS doc_count, facts AS subjects
