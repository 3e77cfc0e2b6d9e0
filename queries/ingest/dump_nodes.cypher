// name: ingest/dump_nodes
// description: Every node with its labels and properties (canonical dumps: re-run and crash-safety checks).
// params: (none)
// returns: labels, props
// mode: read
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
