// name: bench/bare_merge_classified
// description: Benchmark BASELINE (not used by Lantern): plain UNWIND/MERGE of CLASSIFIED_AS links (Document → TraffickingType), evidence overwritten.
// params: rows (list of maps: doc, target, doc_ids, starts, ends)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (a:Document {id: row.doc})
MERGE (b:TraffickingType {id: row.target})
MERGE (a)-[r:CLASSIFIED_AS]->(b)
SET r.ev_doc_ids = row.doc_ids, r.ev_starts = row.starts, r.ev_ends = row.ends
RETURN count(*) AS count
