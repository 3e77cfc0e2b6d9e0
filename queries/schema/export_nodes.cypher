// name: schema/export_nodes
// description: A page of nodes for `lantern export` (all of them, ordered by element id).
// params: skip (int), limit (int)
// returns: eid, labels, props
// mode: read
MATCH (n)
WITH n ORDER BY elementId(n)
SKIP $skip LIMIT $limit
RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props
