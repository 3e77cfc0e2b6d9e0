// name: ftm/merge_documents
// description: `lantern import ftm`: upsert the documents of a FollowTheMoney file (and the import's own
// description: provenance document `ftm-import:<name>`), keyed on `id`.
// params: rows (list of maps: id, labels, kind, title, text, url, source, published (YYYY-MM-DD or null),
// params: content_hash (or null))
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.ingested_at = datetime()
SET d:$(row.labels), d.kind = row.kind, d.title = row.title, d.text = row.text, d.url = row.url,
    d.source = row.source, d.published = date(row.published),
    d.content_hash = coalesce(row.content_hash, d.content_hash)
RETURN count(*) AS count
