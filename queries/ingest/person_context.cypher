// name: ingest/person_context
// description: Existing people whose key starts with a name base (`person:<name>` and `person:<name>#k`), with the
// description: non-person entities they are linked to by evidence edges (the supporting evidence for a merge).
// params: bases (list of strings, e.g. ["person:viktor petrov"])
// returns: base, id, neighbours
// mode: read
UNWIND $bases AS base
MATCH (p:Entity) WHERE p.id STARTS WITH base
WITH base, p WHERE p.id = base OR p.id STARTS WITH base + '#'
OPTIONAL MATCH (p)-[r]-(x:Entity)
WHERE r.ev_doc_ids IS NOT NULL AND NOT x:Person
RETURN base, p.id AS id, collect(DISTINCT x.id) AS neighbours
