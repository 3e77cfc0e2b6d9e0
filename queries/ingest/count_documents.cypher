// name: ingest/count_documents
// description: Documents fully ingested (with a content hash) — progress of a running ingest.
// params: (none)
// returns: count
// mode: read
MATCH (d:Document) WHERE d.content_hash IS NOT NULL
RETURN count(d) AS count
