// name: bench/bare_merge_entities
// description: Benchmark BASELINE (not used by Lantern): plain UNWIND/MERGE of entity rows on the Entity.id constraint
// description: (labels, name, value, kind, variants, props overwritten).
// params: rows (list of maps: id, labels, name, value, kind, variants, props)
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels), n.name = row.name, n.value = row.value, n.kind = row.kind, n.variants = row.variants,
    n += row.props
RETURN count(*) AS count
