// name: analysis/neighbour_communities
// description: The communities an entity's typed neighbours belong to (after this run wrote community_id):
// description: an entity whose neighbours sit in two or more communities is a broker between them.
// description: The seek on e is a hint, not left to the planner: right after this run writes network_id, the
// description: index statistics still describe the graph before it, and the planner sometimes chose to scan the
// description: whole Entity(network_id) index once per id (`e.network_id = ...` implies it is not null) instead of
// description: the unique seek — 55-62 s instead of 0.3 s on the first analysis of a 10k-document graph, in 3 of 6
// description: runs. n is reached by expansion only (a function of its property cannot use an index).
// params: ids (list of entity ids)
// returns: id, communities (sorted list of community ids)
// mode: read
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]-(n:Entity)
USING INDEX e:Entity(id)
WHERE coalesce(n.network_id, -1) = e.network_id
WITH e, collect(DISTINCT n.community_id) AS cs
RETURN e.id AS id, apoc.coll.sort(apoc.coll.toSet(cs + [e.community_id])) AS communities
