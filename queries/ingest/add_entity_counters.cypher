// name: ingest/add_entity_counters
// description: Incremental form of ingest/refresh_entities for entities whose only change in this batch is new
// description: mentions (no mention of theirs was removed): counters, first/last seen, aliases and search_text
// description: updated from the batch's own mention rows, without re-reading every MENTIONED_IN of hub entities.
// params: rows (list of maps: id, docs (new MENTIONED_IN count), mentions (new spans), first, last (dates or
// params: null), texts (distinct mention texts))
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, COLLECT { UNWIND coalesce(n.aliases, []) + row.texts AS t WITH DISTINCT t WHERE t <> n.name
                       RETURN t ORDER BY t } AS aliases
SET n.doc_count = coalesce(n.doc_count, 0) + row.docs,
    n.mention_count = coalesce(n.mention_count, 0) + row.mentions,
    n.first_seen = CASE WHEN n.first_seen IS NULL OR row.first < n.first_seen THEN row.first ELSE n.first_seen END,
    n.last_seen = CASE WHEN n.last_seen IS NULL OR row.last > n.last_seen THEN row.last ELSE n.last_seen END,
    n.aliases = aliases,
    n.search_text = reduce(s = coalesce(n.name, '') + ' ' + coalesce(n.value, ''),
                           x IN coalesce(n.variants, []) + aliases | s + ' ' + x)
RETURN count(*) AS count
