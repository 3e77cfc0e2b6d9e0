// name: ingest/document_hashes
// description: Content hashes of the documents already in the graph (one read per batch: unchanged ones are skipped).
// params: ids (list of document ids)
// returns: id, content_hash, source_hash
// mode: read
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.content_hash AS content_hash, d['source_hash'] AS source_hash
