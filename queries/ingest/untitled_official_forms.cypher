// name: ingest/untitled_official_forms
// description: People (not officials) whose key is in the family of an untitled form of an official who is new
// description: in the graph: the writer merges those that have no case role and are mentioned only in that
// description: office's documents into the official (a mention ingested before the official was known).
// description: Two index seeks per form (exact key, `base#` prefix), as ingest/person_context.
// params: rows (list of maps: office, official (key), bases (list of person name bases))
// returns: office, official, id, roles (role ids), sources (the mentioning documents' sources)
// mode: read
UNWIND $rows AS row
UNWIND row.bases AS base
CALL (base) {
  MATCH (p:Entity {id: base})
  RETURN p
  UNION ALL
  MATCH (p:Entity) USING INDEX p:Entity(id)
  WHERE p.id STARTS WITH base + '#'
  RETURN p
}
WITH row, p
WHERE p:Person AND NOT p.id CONTAINS '#@'
RETURN row.office AS office, row.official AS official, p.id AS id,
       COLLECT { MATCH (p)-[:HAS_ROLE]->(r:Role) RETURN DISTINCT r.id } AS roles,
       COLLECT { MATCH (p)-[:MENTIONED_IN]->(d:Document) RETURN DISTINCT d.source } AS sources
