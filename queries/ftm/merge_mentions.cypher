// name: ftm/merge_mentions
// description: `lantern import ftm`: provenance — one MENTIONED_IN per (entity, document) with its spans; the
// description: entities' doc_count follows.
// params: rows (list of maps: entity, doc, starts, ends, texts, confidence)
// returns: count (rows written)
// mode: write
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (d:Document {id: row.doc})
MERGE (e)-[m:MENTIONED_IN]->(d)
SET m.starts = row.starts, m.ends = row.ends, m.texts = row.texts, m.confidence = row.confidence,
    m.extractor_version = 'ftm-import'
WITH collect(DISTINCT e) AS touched, count(*) AS written
FOREACH (e IN touched | SET e.doc_count = COUNT { (e)-[:MENTIONED_IN]->() })
RETURN written AS count
