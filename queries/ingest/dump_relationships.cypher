// name: ingest/dump_relationships
// description: Every relationship as (start id, type, end id, properties), for canonical dumps.
// params: (none)
// returns: src, type, dst, props
// mode: read
MATCH (a)-[r]->(b)
RETURN a.id AS src, type(r) AS type, b.id AS dst, properties(r) AS props
