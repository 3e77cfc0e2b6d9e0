// name: ingest/refresh_entities
// description: Recompute what an entity's mentions say: doc_count, mention_count, aliases (sorted mention texts
// description: other than the name), first_seen/last_seen (document dates).
// description: One expansion of MENTIONED_IN per entity.
// params: ids (list of entity ids)
// returns: count
// mode: write
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(d:Document)
  RETURN count(m) AS docs, sum(size(m.starts)) AS mentions, min(d.published) AS first, max(d.published) AS last,
         collect(m.texts) AS texts
}
WITH n, docs, mentions, first, last,
     COLLECT { UNWIND texts AS ts UNWIND ts AS t WITH DISTINCT t WHERE t <> n.name RETURN t ORDER BY t } AS aliases
SET n.doc_count = docs, n.mention_count = mentions, n.first_seen = first, n.last_seen = last, n.aliases = aliases
RETURN count(*) AS count
