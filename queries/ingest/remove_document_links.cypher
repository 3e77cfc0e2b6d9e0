// name: ingest/remove_document_links
// description: Delete the classification edges (CLASSIFIED_AS, HAS_INDICATOR) of these documents; their evidence
// description: is the document itself.
// params: doc_ids (list of document ids)
// returns: deleted
// mode: write
MATCH (d:Document)-[c:CLASSIFIED_AS|HAS_INDICATOR]->()
WHERE d.id IN $doc_ids
DELETE c
RETURN count(c) AS deleted
