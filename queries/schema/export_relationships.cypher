// name: schema/export_relationships
// description: A page of relationships for `lantern export`, endpoints as element ids.
// params: skip (int), limit (int)
// returns: type, source, target, props
// mode: read
MATCH (a)-[r]->(b)
WITH a, r, b ORDER BY elementId(r)
SKIP $skip LIMIT $limit
RETURN type(r) AS type, elementId(a) AS source, elementId(b) AS target, properties(r) AS props
