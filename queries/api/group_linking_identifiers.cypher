// name: api/group_linking_identifiers
// description: API `network` / `community`: identifiers and addresses used by two or more members of a group,
// description: i.e. what links them.
// params: prop (string; "network_id" or "community_id", validated by the API), group_id (int), limit (int)
// returns: identifier (node map + labels), users (list of node maps + labels), doc_ids
// mode: read
MATCH (e:Entity) WHERE e[$prop] = $group_id
MATCH (e)-[r:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|LOCATED_IN]->(x:Entity)
WHERE x:Identifier OR x:Address
WITH x, collect(DISTINCT e) AS users, apoc.coll.toSet(apoc.coll.flatten(collect(coalesce(r.ev_doc_ids, [])))) AS doc_ids
WHERE size(users) >= 2
RETURN x {.*, labels: labels(x)} AS identifier, [u IN users | u {.*, labels: labels(u)}] AS users, doc_ids
ORDER BY size(users) DESC, x.id
LIMIT $limit
