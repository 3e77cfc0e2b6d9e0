// name: ingest/possibly_same_as
// description: Record resolution candidates: POSSIBLY_SAME_AS {score, reason, source} between two entities that
// description: may be one but were deliberately not merged (review with `lantern resolve review`).
// description: CREATE, not MERGE: one end of every ingest candidate is a node this batch creates (a new namesake's
// description: first free key, a business key not yet in the graph: graph.resolve_people), so no edge — from
// description: ingest, `resolve suggest` or similarity — can exist between the two yet, and the writer makes each
// description: pair once. (The MERGE also planned an Eager: `row.source` read as a possible property of `s.source`.)
// params: rows (list of maps: source, target, score, reason, origin)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:POSSIBLY_SAME_AS {score: row.score, reason: row.reason, source: row.origin}]->(b)
RETURN count(*) AS count
