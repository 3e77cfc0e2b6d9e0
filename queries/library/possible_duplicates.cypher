// name: library/possible_duplicates
// description: Resolution candidates (POSSIBLY_SAME_AS) at or above a score: entities that may be one and the
// description: same but were deliberately not merged. Review them before drawing conclusions.
// params: min_score (float; default 0.0; e.g. 0.8) — lowest candidate score to show
// params: limit (int; default 50; e.g. 50) — maximum rows
// returns: a, a_id, b, b_id, kind, score, reason, source
// mode: read
MATCH (a:Entity)-[s:POSSIBLY_SAME_AS]->(b:Entity)
WHERE coalesce(s.score, 0.0) >= $min_score
RETURN a.name AS a, a.id AS a_id, b.name AS b, b.id AS b_id, a.kind AS kind, s.score AS score,
       s.reason AS reason, s.source AS source
ORDER BY score DESC, a, b
LIMIT $limit
