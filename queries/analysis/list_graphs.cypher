// name: analysis/list_graphs
// description: Names of the projections currently in the GDS catalog (leftovers show failed clean-up).
// params: (none)
// returns: graph
// mode: read
CALL gds.graph.list() YIELD graphName
RETURN graphName AS graph
ORDER BY graph
