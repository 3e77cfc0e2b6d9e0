// name: analysis/neighbour_communities
// description: The communities an entity's typed neighbours belong to (after this run wrote community_id):
// description: an entity whose neighbours sit in two or more communities is a broker between them.
// params: ids (list of entity ids)
// returns: id, communities (sorted list of community ids)
// mode: read
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]-(n:Entity)
WHERE n.community_id IS NOT NULL AND n.network_id = e.network_id
WITH e, collect(DISTINCT n.community_id) AS cs
RETURN e.id AS id, apoc.coll.sort(apoc.coll.toSet(cs + [e.community_id])) AS communities
