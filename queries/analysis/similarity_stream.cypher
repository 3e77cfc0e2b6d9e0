// name: analysis/similarity_stream
// description: Similar entities: node similarity (Jaccard over neighbours: shared identifiers, addresses,
// description: businesses, persons) between persons or organisations of the same kind.
// params: graph (projection name), concurrency (int), cutoff (float), top_k (int)
// returns: a, b (entity ids), a_kind, b_kind, score
// mode: read
CALL gds.nodeSimilarity.stream($graph, {similarityCutoff: $cutoff, topK: $top_k, concurrency: $concurrency})
YIELD node1, node2, similarity
WITH gds.util.asNode(node1) AS a, gds.util.asNode(node2) AS b, similarity
WHERE a.id < b.id AND a.kind = b.kind AND (a:Person OR a:Organization)
RETURN a.id AS a, b.id AS b, a.kind AS a_kind, b.kind AS b_kind, similarity AS score
ORDER BY score DESC, a, b
