// name: ingest/merge_entities
// description: Upsert entity nodes keyed on their resolution key `id`, adding the ontology labels (class and
// description: ancestors), properties and search variants; name/value are set when the node is created.
// description: The full-text index `entity_search` reads name, value, variants and aliases directly (list properties).
// description: `kind` follows the most specific class: replaced only when the row's labels cover the node's.
// description: A business any document shows as a front (FrontBusiness label) keeps kind FrontBusiness whatever
// description: sibling class (EmploymentAgency, TransportCompany) another document or batch gave it first.
// description: Counters, first/last seen and aliases are incremented from the batch's own mentions
// description: (no re-read of a hub's MENTIONED_IN); entities that also LOST mentions in the batch (changed
// description: documents) are recomputed afterwards by ingest/refresh_entities.
// params: rows (list of maps: id, labels, kind, name, value, variants (distinct), props, docs (new MENTIONED_IN
// params: count), mentions (new spans), first, last (YYYY-MM-DD text or null), texts (distinct mention texts))
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.name = row.name, n.value = row.value, n.kind = row.kind, n.variants = row.variants
ON MATCH SET n.variants = coalesce(n.variants, []) + [v IN row.variants WHERE NOT v IN coalesce(n.variants, [])],
             n.kind = CASE WHEN all(l IN labels(n) WHERE l IN row.labels) THEN row.kind ELSE n.kind END
SET n:$(row.labels), n += row.props
SET n.kind = CASE WHEN n:FrontBusiness THEN 'FrontBusiness' ELSE n.kind END
WITH n, row, date(row.first) AS first, date(row.last) AS last,
     COLLECT { UNWIND coalesce(n.aliases, []) + row.texts AS t WITH DISTINCT t WHERE t <> n.name
               RETURN t ORDER BY t } AS aliases
SET n.doc_count = coalesce(n.doc_count, 0) + row.docs,
    n.mention_count = coalesce(n.mention_count, 0) + row.mentions,
    n.first_seen = CASE WHEN n.first_seen IS NULL OR first < n.first_seen THEN first ELSE n.first_seen END,
    n.last_seen = CASE WHEN n.last_seen IS NULL OR last > n.last_seen THEN last ELSE n.last_seen END,
    n.aliases = aliases
RETURN count(*) AS count
