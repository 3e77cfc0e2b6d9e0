// name: ingest/merge_roles
// description: HAS_ROLE edges from entities to Role nodes (entity attribute "roles"), with evidence appended
// description: like every fact edge.
// params: rows (list of maps: src, role, doc_ids, starts, ends, snippets, confidences, doc_count, confidence)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MERGE (b:Role {id: row.role}) ON CREATE SET b.name = row.role
MERGE (a)-[r:HAS_ROLE]->(b)
WITH r, row, coalesce(r.ev_doc_ids, []) AS ids, coalesce(r.doc_count, 0) AS docs, coalesce(r.confidence, 0.0) AS conf
SET r.ev_doc_ids = ids + row.doc_ids, r.ev_starts = coalesce(r.ev_starts, []) + row.starts,
    r.ev_ends = coalesce(r.ev_ends, []) + row.ends, r.ev_snippets = coalesce(r.ev_snippets, []) + row.snippets,
    r.ev_confidences = coalesce(r.ev_confidences, []) + row.confidences,
    r.evidence_count = size(ids) + size(row.doc_ids), r.doc_count = docs + row.doc_count,
    r.confidence = CASE WHEN row.confidence > conf THEN row.confidence ELSE conf END
RETURN count(*) AS count
