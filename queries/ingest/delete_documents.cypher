// name: ingest/delete_documents
// description: Delete Document nodes (after their evidence and mentions were removed).
// params: doc_ids (list of document ids)
// returns: deleted (count)
// mode: write
MATCH (d:Document) WHERE d.id IN $doc_ids
DETACH DELETE d
RETURN count(*) AS deleted
