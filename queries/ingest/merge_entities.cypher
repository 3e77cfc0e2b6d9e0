// name: ingest/merge_entities
// description: Upsert entity nodes keyed on their resolution key `id`, adding the ontology labels (class and
// description: ancestors), properties and search variants; name/value are set when the node is created.
// params: rows (list of maps: id, labels, kind, name, value, variants, props)
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.name = row.name, n.value = row.value, n.kind = row.kind
SET n:$(row.labels), n += row.props
WITH n, row, coalesce(n.variants, []) AS old
SET n.variants = reduce(acc = old, v IN row.variants | CASE WHEN v IN acc THEN acc ELSE acc + v END),
    n.kind = CASE WHEN size(row.labels) >= size(labels(n)) THEN row.kind ELSE n.kind END
RETURN count(*) AS count
