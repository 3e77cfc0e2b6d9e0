// name: bench/bare_merge_documents
// description: Benchmark BASELINE (not used by Lantern): the plainest UNWIND/MERGE of Document rows, the same
// description: properties Lantern writes (labels, metadata, text, content hash) in one statement.
// params: rows (list of maps: id, labels, kind, title, source, url, published, text, extractor_version, content_hash)
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d:$(row.labels), d.kind = row.kind, d.title = row.title, d.source = row.source, d.url = row.url,
    d.published = row.published, d.text = row.text, d.extractor_version = row.extractor_version,
    d.content_hash = row.content_hash
RETURN count(*) AS count
