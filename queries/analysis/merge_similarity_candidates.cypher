// name: analysis/merge_similarity_candidates
// description: Record node-similarity results as POSSIBLY_SAME_AS resolution candidates (never merges).
// description: A candidate recorded by another source (e.g. ingest resolution) keeps its own score and reason.
// params: run_id (string), rows (list of maps: a, b, score, reason)
// returns: written
// mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.a})
MATCH (b:Entity {id: row.b})
MERGE (a)-[s:POSSIBLY_SAME_AS]->(b)
ON CREATE SET s.source = 'gds-node-similarity'
WITH s, row
WHERE s.source = 'gds-node-similarity'
SET s.score = row.score, s.reason = row.reason, s.run_id = $run_id
RETURN count(s) AS written
