// name: ftm/merge_entities
// description: `lantern import ftm`: upsert entity nodes read from FollowTheMoney, keyed on `id`, with their
// description: ontology labels; name/value/kind are set when the node is created, variants and aliases are
// description: unioned (re-importing the same file changes nothing).
// params: rows (list of maps: id, labels, kind, name, value, variants, aliases, props)
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.name = row.name, n.value = row.value, n.kind = row.kind
SET n:$(row.labels), n += row.props,
    n.variants = coalesce(n.variants, []) + [v IN row.variants WHERE NOT v IN coalesce(n.variants, [])],
    n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])]
RETURN count(*) AS count
