// name: analysis/drop_graph
// description: Drop one projection from the GDS catalog; no error when it does not exist.
// params: graph (projection name)
// returns: dropped (names, empty when there was nothing to drop)
// mode: write
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN collect(graphName) AS dropped
