// name: gdpr/evidence_in_documents
// description: GDPR: relationships whose evidence cites any of these documents (their snippets may quote a
// description: value being erased or redacted), keyed by element id for gdpr/set_snippets.
// params: doc_ids (list of document ids)
// returns: eid, snippets
// mode: read
MATCH ()-[r]->()
WHERE r.ev_doc_ids IS NOT NULL AND any(d IN r.ev_doc_ids WHERE d IN $doc_ids)
RETURN elementId(r) AS eid, r.ev_snippets AS snippets
