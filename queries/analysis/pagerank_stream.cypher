// name: analysis/pagerank_stream
// description: Key players: weighted PageRank on the projected graph.
// params: graph (projection name), concurrency (int), damping (float in [0, 1))
// returns: id (entity id), score
// mode: read
CALL gds.pageRank.stream($graph, {relationshipWeightProperty: 'weight', dampingFactor: $damping,
                                  concurrency: $concurrency})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
