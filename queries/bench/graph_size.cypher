// name: bench/graph_size
// description: Benchmark bookkeeping: how many nodes and relationships the graph holds.
// params: (none)
// returns: nodes, relationships
// mode: read
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
