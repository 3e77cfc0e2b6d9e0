// name: resolve/stale_documents
// description: After a split: documents mentioning these entities that were ingested after the merge lose their
// description: content hash, so the next `lantern ingest` of them rewrites their mentions and evidence.
// params: ids (list of entity ids), since (datetime string)
// returns: doc_ids
// mode: write
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:MENTIONED_IN]->(d:Document)
WHERE d.ingested_at > datetime($since)
SET d.content_hash = null
RETURN collect(DISTINCT d.id) AS doc_ids
