// name: ingest/merge_documents
// description: Upsert Document nodes keyed on id with their metadata, text and content hash. The hash marks a
// description: document as fully ingested: it is safe to write it here because the whole batch (mentions, facts,
// description: counters) is ONE transaction — a crash leaves all of it or none of it. A new document's hash is
// description: null here and set by ingest/set_content_hashes later in the same transaction.
// params: rows (list of maps: id, labels, kind, title, source, url, published (YYYY-MM-DD text or null), text,
// params: extractor_version, content_hash, source_hash (raw input + extractor version; null for JSONL))
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d:$(row.labels),
    d.kind = row.kind, d.title = row.title, d.source = row.source, d.url = row.url,
    d.published = date(row.published), d.text = row.text, d.extractor_version = row.extractor_version,
    d.content_hash = row.content_hash, d.source_hash = row.source_hash, d.ingested_at = datetime()
RETURN count(*) AS count
