// name: analysis/betweenness_stream
// description: Brokers: betweenness centrality (unweighted shortest paths), sampled from sampling_size source
// description: nodes with a fixed seed when the graph is large (sampling_size = node count means exact).
// params: graph (projection name), concurrency (int), sampling_size (int), seed (int)
// returns: id (entity id), score
// mode: read
CALL gds.betweenness.stream($graph, {samplingSize: $sampling_size, samplingSeed: $seed, concurrency: $concurrency})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
