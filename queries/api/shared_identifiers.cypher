// name: api/shared_identifiers
// description: API `sharedIdentifiers`: identifiers and addresses used by at least two of the given entities.
// params: ids (list of entity ids), limit (int)
// returns: identifier (node map + labels), users (list of node maps + labels), doc_ids
// mode: read
MATCH (e:Entity) WHERE e.id IN $ids
MATCH (e)-[r:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|LOCATED_IN]->(x:Entity)
WHERE x:Identifier OR x:Address
WITH x, collect(DISTINCT e) AS users, apoc.coll.toSet(apoc.coll.flatten(collect(coalesce(r.ev_doc_ids, [])))) AS doc_ids
WHERE size(users) >= 2
RETURN x {.*, labels: labels(x)} AS identifier, [u IN users | u {.*, labels: labels(u)}] AS users, doc_ids
ORDER BY size(users) DESC, x.id
LIMIT $limit
