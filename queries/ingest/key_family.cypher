// name: ingest/key_family
// description: Entity keys sharing a prefix (e.g. every `business:sunrise cleaning[@place]`), for candidates.
// params: bases (list of key prefixes)
// returns: base, ids
// mode: read
UNWIND $bases AS base
MATCH (n:Entity) WHERE n.id STARTS WITH base
RETURN base, collect(n.id) AS ids
