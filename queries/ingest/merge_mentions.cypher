// name: ingest/merge_mentions
// description: Provenance: one MENTIONED_IN per (entity, document) with every mention span of that document.
// params: rows (list of maps: entity, doc, starts, ends, texts, confidence, extractor_version)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (d:Document {id: row.doc})
MERGE (e)-[m:MENTIONED_IN]->(d)
SET m.starts = row.starts, m.ends = row.ends, m.texts = row.texts, m.confidence = row.confidence,
    m.extractor_version = row.extractor_version
RETURN count(*) AS count
