// name: ingest/merge_classified_as
// description: CLASSIFIED_AS edges Document → TraffickingType (document classification), with the spans of the document that support it as evidence.
// params: rows (list of maps: doc, target (TraffickingType id), doc_ids, starts, ends, snippets, confidences, doc_count, confidence)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MERGE (t:TraffickingType {id: row.target}) ON CREATE SET t.name = row.target
MERGE (d)-[r:CLASSIFIED_AS]->(t)
SET r.ev_doc_ids = row.doc_ids, r.ev_starts = row.starts, r.ev_ends = row.ends, r.ev_snippets = row.snippets,
    r.ev_confidences = row.confidences, r.evidence_count = size(row.doc_ids), r.doc_count = row.doc_count,
    r.confidence = row.confidence
RETURN count(*) AS count
