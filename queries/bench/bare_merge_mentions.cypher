// name: bench/bare_merge_mentions
// description: Benchmark BASELINE (not used by Lantern): plain UNWIND/MERGE of MENTIONED_IN links.
// params: rows (list of maps: entity, doc, starts, ends, texts, confidence)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (d:Document {id: row.doc})
MERGE (e)-[m:MENTIONED_IN]->(d)
SET m.starts = row.starts, m.ends = row.ends, m.texts = row.texts, m.confidence = row.confidence
RETURN count(*) AS count
