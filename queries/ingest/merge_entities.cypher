// name: ingest/merge_entities
// description: Upsert entity nodes keyed on their resolution key `id`, adding the ontology labels (class and
// description: ancestors), properties and search variants; name/value are set when the node is created.
// description: `kind` follows the most specific class: replaced only when the row's labels cover the node's.
// params: rows (list of maps: id, labels, kind, name, value, variants (distinct), props)
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.name = row.name, n.value = row.value, n.kind = row.kind, n.variants = row.variants
ON MATCH SET n.variants = coalesce(n.variants, []) + [v IN row.variants WHERE NOT v IN coalesce(n.variants, [])],
             n.kind = CASE WHEN all(l IN labels(n) WHERE l IN row.labels) THEN row.kind ELSE n.kind END
SET n:$(row.labels), n += row.props
RETURN count(*) AS count
