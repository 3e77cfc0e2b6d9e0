// name: analysis/shared_neighbours
// description: What two similar entities share (typed links only): the reason text of a POSSIBLY_SAME_AS
// description: candidate.
// params: pairs (list of maps: a, b entity ids)
// returns: a, b, shared (list of maps: kind, name)
// mode: read
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair.a}), (b:Entity {id: pair.b})
OPTIONAL MATCH (a)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]-(n:Entity)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]-(b)
WITH pair, collect(DISTINCT {kind: n.kind,
                                name: CASE WHEN n:Identifier THEN coalesce(n.value, n.name) ELSE n.name END}) AS shared
RETURN pair.a AS a, pair.b AS b, [s IN shared WHERE s.name IS NOT NULL] AS shared
