// name: api/graph_counts
// description: Node and relationship counts and a property checksum (tests use it to prove an operation
// description: did not change the graph, e.g. after injection attempts).
// returns: nodes, relationships, labels, property_keys
// mode: read
MATCH (n)
WITH count(n) AS nodes, sum(size(labels(n))) AS labels, sum(size(keys(n))) AS property_keys
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships, labels, property_keys
