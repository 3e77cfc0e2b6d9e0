// name: resolve/candidates
// description: Resolution candidates to review: both entities with names, kinds, document counts, the score and
// description: reason, and how many neighbours they share.
// params: min_score (float), limit (int)
// returns: a_id, a_name, a_docs, b_id, b_name, b_docs, kind, score, reason, source, shared
// mode: read
MATCH (a:Entity)-[s:POSSIBLY_SAME_AS]->(b:Entity)
WHERE coalesce(s.score, 0.0) >= $min_score
RETURN a.id AS a_id, a.name AS a_name, a.doc_count AS a_docs, b.id AS b_id, b.name AS b_name,
       b.doc_count AS b_docs, a.kind AS kind, s.score AS score, s.reason AS reason, s.source AS source,
       COUNT { MATCH (a)--(x:Entity)--(b) WHERE x <> a AND x <> b } AS shared
ORDER BY score DESC, a_id, b_id
LIMIT $limit
