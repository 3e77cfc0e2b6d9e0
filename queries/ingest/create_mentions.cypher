// name: ingest/create_mentions
// description: Provenance: one MENTIONED_IN per (entity, document) with every mention span of that document.
// description: CREATE, not MERGE: every document of a batch has no MENTIONED_IN at this point (new, or stripped by
// description: ingest/remove_document_mentions in the same transaction) and rows are unique per (entity, document).
// params: rows (list of maps: entity, doc, starts, ends, texts, confidence, extractor_version)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (d:Document {id: row.doc})
CREATE (e)-[:MENTIONED_IN {starts: row.starts, ends: row.ends, texts: row.texts, confidence: row.confidence,
                           extractor_version: row.extractor_version}]->(d)
RETURN count(*) AS count
