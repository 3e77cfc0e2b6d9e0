// name: ingest/set_content_hashes
// description: Content hashes of the batch's new documents, computed by the writer while the server wrote their
// description: mentions. Same transaction as ingest/merge_documents, which wrote them as null: a crash leaves
// description: the documents with their hashes, or nothing of the batch.
// params: rows (list of maps: id, content_hash)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.content_hash = row.content_hash
RETURN count(*) AS count
