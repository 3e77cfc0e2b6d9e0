// name: analysis/estimate_projection
// description: Memory needed to hold a projection of this size (GDS estimate on a fictive graph), as a share
// description: of the server's maximum heap. Run before projecting.
// params: nodes (int), relationships (int)
// returns: required_memory (string), bytes_max, heap_percentage_max
// mode: read
CALL gds.graph.project.estimate('*', '*', {nodeCount: $nodes, relationshipCount: $relationships,
                                           relationshipProperties: 'weight'})
YIELD requiredMemory, bytesMax, heapPercentageMax
RETURN requiredMemory AS required_memory, bytesMax AS bytes_max, heapPercentageMax AS heap_percentage_max
