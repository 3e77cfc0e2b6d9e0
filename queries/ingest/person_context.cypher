// name: ingest/person_context
// description: Existing people whose key starts with a name base (`person:<name>` and `person:<name>#k`), with the
// description: non-person entities they are linked to by evidence edges (the supporting evidence for a merge).
// description: Two index seeks per base (exact key, `base#` prefix): an OR of both planned as a full index scan.
// params: bases (list of strings, e.g. ["person:viktor petrov"])
// returns: base, id, neighbours
// mode: read
UNWIND $bases AS base
CALL (base) {
  MATCH (p:Entity {id: base})
  RETURN p
  UNION ALL
  MATCH (p:Entity) USING INDEX p:Entity(id)
  WHERE p.id STARTS WITH base + '#'
  RETURN p
}
OPTIONAL MATCH (p)-[r]-(x:Entity)
WHERE r.ev_doc_ids IS NOT NULL AND NOT x:Person
RETURN base, p.id AS id, collect(DISTINCT x.id) AS neighbours
