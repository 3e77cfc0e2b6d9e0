// name: ingest/possibly_same_as
// description: Record resolution candidates: POSSIBLY_SAME_AS {score, reason, source} between two entities that
// description: may be one but were deliberately not merged (review with `lantern resolve review`).
// params: rows (list of maps: source, target, score, reason, origin)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[s:POSSIBLY_SAME_AS]->(b)
SET s.score = row.score, s.reason = row.reason, s.source = row.origin
RETURN count(*) AS count
