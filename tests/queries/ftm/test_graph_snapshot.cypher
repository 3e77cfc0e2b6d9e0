// name: ftm/test_graph_snapshot
// description: Test fixture: every node (key and kind or label) and every relationship (type and end keys)
// description: for round-trip comparisons.
// params: (none)
// returns: nodes (list of [id, kind]), relationships (list of [type, source id, target id, evidence doc ids])
// mode: read
CALL () {
  MATCH (n) RETURN collect([n.id, coalesce(n.kind, labels(n)[0])]) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b) RETURN collect([type(r), a.id, b.id, coalesce(r.ev_doc_ids, [])]) AS relationships
}
RETURN nodes, relationships
