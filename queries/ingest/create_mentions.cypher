// name: ingest/create_mentions
// description: Provenance: one MENTIONED_IN per (entity, document) with every mention span of that document.
// description: CREATE, not MERGE: every document of a batch has no MENTIONED_IN at this point (new, or stripped by
// description: ingest/remove_document_mentions in the same transaction) and rows are unique per (entity, document).
// params: docs (list of maps: doc, extractor_version, mentions (list of [entity, starts, ends, texts, confidence]))
// returns: count
// mode: write
UNWIND $docs AS doc
MATCH (d:Document {id: doc.doc})
UNWIND doc.mentions AS m
MATCH (e:Entity {id: m[0]})
CREATE (e)-[:MENTIONED_IN {starts: m[1], ends: m[2], texts: m[3], confidence: m[4],
                           extractor_version: doc.extractor_version}]->(d)
RETURN count(*) AS count
