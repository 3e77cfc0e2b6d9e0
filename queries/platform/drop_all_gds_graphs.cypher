// name: platform/drop_all_gds_graphs
// description: Drop every projected GDS graph (leftovers of a failed run); safe when there are none.
// params: (none)
// returns: dropped (names)
// mode: write
CALL gds.graph.list() YIELD graphName
CALL gds.graph.drop(graphName, false) YIELD graphName AS dropped
RETURN collect(dropped) AS dropped
