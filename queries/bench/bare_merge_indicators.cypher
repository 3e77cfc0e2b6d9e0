// name: bench/bare_merge_indicators
// description: Benchmark BASELINE (not used by Lantern): plain UNWIND/MERGE of HAS_INDICATOR links (Document → Indicator), evidence overwritten.
// params: rows (list of maps: doc, target, doc_ids, starts, ends)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (a:Document {id: row.doc})
MERGE (b:Indicator {id: row.target})
MERGE (a)-[r:HAS_INDICATOR]->(b)
SET r.ev_doc_ids = row.doc_ids, r.ev_starts = row.starts, r.ev_ends = row.ends
RETURN count(*) AS count
