// name: platform/gds_graph_exists
// description: Whether a GDS projection with this name is in the catalog (used to prove projections are dropped).
// params: graph (projection name)
// returns: exists (boolean)
// mode: read
CALL gds.graph.exists($graph) YIELD exists
RETURN exists
