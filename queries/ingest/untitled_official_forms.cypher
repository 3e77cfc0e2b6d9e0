// name: ingest/untitled_official_forms
// description: People (not officials) who may be an untitled mention of an official who is new in the graph:
// description: their key is in the family of one of its untitled forms (two index seeks per form, exact key
// description: and `base#` prefix, as ingest/person_context), or their name holds its surname (a full-text
// description: search: a title or place glued onto the name, "El Jefe Okafor"; at most $limit per official).
// description: The writer keeps those that `official_for` gives to this official, that have no case role and
// description: are mentioned only in that office's documents, and merges them into the official.
// params: rows (list of maps: office, official (key), bases (list of person name bases), search (a
// params: full-text query, "" for none)), limit (most full-text hits per row)
// returns: office, official, id, roles (role ids), sources (the mentioning documents' sources)
// mode: read
UNWIND $rows AS row
CALL (row) {
  UNWIND row.bases AS base
  CALL (base) {
    MATCH (p:Entity {id: base})
    RETURN p
    UNION ALL
    MATCH (p:Entity) USING INDEX p:Entity(id)
    WHERE p.id STARTS WITH base + '#'
    RETURN p
  }
  RETURN p
  UNION
  WITH row WHERE row.search <> ''
  CALL db.index.fulltext.queryNodes('entity_search', row.search, {limit: $limit}) YIELD node
  RETURN node AS p
}
WITH row, p
WHERE p:Person AND NOT p.id CONTAINS '#@'
RETURN row.office AS office, row.official AS official, p.id AS id,
       COLLECT { MATCH (p)-[:HAS_ROLE]->(r:Role) RETURN DISTINCT r.id } AS roles,
       COLLECT { MATCH (p)-[:MENTIONED_IN]->(d:Document) RETURN DISTINCT d.source } AS sources
