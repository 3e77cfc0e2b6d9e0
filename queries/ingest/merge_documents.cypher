// name: ingest/merge_documents
// description: Upsert Document nodes keyed on id with their metadata and text (the content hash is written last,
// description: by ingest/set_document_hashes, in the same transaction).
// params: rows (list of maps: id, labels, kind, title, source, url, published (date), text, extractor_version)
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d:$(row.labels),
    d.kind = row.kind, d.title = row.title, d.source = row.source, d.url = row.url,
    d.published = row.published, d.text = row.text, d.extractor_version = row.extractor_version
RETURN count(*) AS count
