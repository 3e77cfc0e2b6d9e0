// name: ingest/merge_has_indicator
// description: HAS_INDICATOR edges Document → Indicator (indicator seen in the document), with the spans of the document that support it as evidence.
// params: rows (list of maps: doc, target (Indicator id), doc_ids, starts, ends, snippets, confidences, doc_count, confidence)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MERGE (t:Indicator {id: row.target}) ON CREATE SET t.name = row.target
MERGE (d)-[r:HAS_INDICATOR]->(t)
SET r.ev_doc_ids = row.doc_ids, r.ev_starts = row.starts, r.ev_ends = row.ends, r.ev_snippets = row.snippets,
    r.ev_confidences = row.confidences, r.evidence_count = size(row.doc_ids), r.doc_count = row.doc_count,
    r.confidence = row.confidence
RETURN count(*) AS count
