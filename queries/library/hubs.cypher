// name: library/hubs
// description: Hubs: entities with the most typed connections (provenance and co-mention edges not counted),
// description: with their betweenness and PageRank when analytics has run. Places are skipped (always hubs).
// params: limit (int; default 20; e.g. 20) — maximum rows
// returns: id, name, kind, degree, betweenness, pagerank, doc_count
// mode: read
MATCH (e:Entity)
WHERE NOT e:Location
WITH e, COUNT { (e)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]-() } AS degree
WHERE degree > 0
RETURN e.id AS id, e.name AS name, e.kind AS kind, degree, e.betweenness AS betweenness, e.pagerank AS pagerank,
       e.doc_count AS doc_count
ORDER BY degree DESC, coalesce(e.betweenness, 0) DESC, name
LIMIT $limit
