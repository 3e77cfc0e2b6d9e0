// name: analysis/louvain_stream
// description: Communities inside the networks: Louvain, weighted by evidence_count × confidence.
// params: graph (projection name), concurrency (int)
// returns: id (entity id), community (GDS community id; renumbered by the caller)
// mode: read
CALL gds.louvain.stream($graph, {relationshipWeightProperty: 'weight', concurrency: $concurrency})
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS id, communityId AS community
