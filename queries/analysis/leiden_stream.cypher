// name: analysis/leiden_stream
// description: Communities inside the networks: Leiden, weighted by evidence_count × confidence, fixed seed.
// params: graph (projection name), concurrency (int), seed (int), gamma (float, resolution)
// returns: id (entity id), community (GDS community id; renumbered by the caller)
// mode: read
CALL gds.leiden.stream($graph, {relationshipWeightProperty: 'weight', randomSeed: $seed, gamma: $gamma,
                                concurrency: $concurrency})
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS id, communityId AS community
