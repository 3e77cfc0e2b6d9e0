// name: ingest/set_document_hashes
// description: Written LAST in a batch's transaction: the content hash that marks a document as fully ingested.
// params: rows (list of maps: id, content_hash, source_hash (raw input + extractor version; null for JSONL))
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.content_hash = row.content_hash, d.source_hash = row.source_hash, d.ingested_at = datetime()
RETURN count(*) AS count
