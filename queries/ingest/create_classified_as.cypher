// name: ingest/create_classified_as
// description: CLASSIFIED_AS edges Document → TraffickingType (document classification), with the spans of the document that support it as evidence.
// description: CREATE, not MERGE: a batch's documents have no CLASSIFIED_AS at this point (new, or stripped by
// description: ingest/remove_document_links in the same transaction) and rows are unique per (document, type).
// params: rows (list of maps: doc, target (TraffickingType id), doc_ids, starts, ends, snippets, confidences, doc_count, confidence)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MERGE (t:TraffickingType {id: row.target}) ON CREATE SET t.name = row.target
CREATE (d)-[:CLASSIFIED_AS {ev_doc_ids: row.doc_ids, ev_starts: row.starts, ev_ends: row.ends,
                            ev_snippets: row.snippets, ev_confidences: row.confidences,
                            evidence_count: size(row.doc_ids), doc_count: row.doc_count,
                            confidence: row.confidence}]->(t)
RETURN count(*) AS count
