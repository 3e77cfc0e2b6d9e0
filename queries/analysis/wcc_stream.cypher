// name: analysis/wcc_stream
// description: Linked networks: weakly connected components of the projected graph.
// params: graph (projection name), concurrency (int)
// returns: id (entity id), component (GDS component id; renumbered by the caller)
// mode: read
CALL gds.wcc.stream($graph, {concurrency: $concurrency})
YIELD nodeId, componentId
RETURN gds.util.asNode(nodeId).id AS id, componentId AS component
