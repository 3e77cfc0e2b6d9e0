// name: library/community_members_brokers
// description: Members of a community (from `lantern analyze`) ranked by PageRank, and which of them are
// description: brokers: members with typed links into other communities (betweenness shown too).
// params: community_id (int; e.g. 1) — the community id written by the analytics run
// params: limit (int; default 50; e.g. 50) — maximum rows
// returns: id, name, kind, pagerank, betweenness, risk_score, broker (true/false), external_communities, external_links
// mode: read
MATCH (m:Entity) WHERE m.community_id = $community_id
OPTIONAL MATCH (m)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]-(o:Entity)
  WHERE o.community_id IS NOT NULL AND o.community_id <> $community_id
WITH m, collect(DISTINCT o.community_id) AS external_communities, count(o) AS external_links
RETURN m.id AS id, m.name AS name, m.kind AS kind, m.pagerank AS pagerank, m.betweenness AS betweenness,
       m.risk_score AS risk_score, external_links > 0 AS broker, external_communities, external_links
ORDER BY coalesce(m.pagerank, 0) DESC, name
LIMIT $limit
