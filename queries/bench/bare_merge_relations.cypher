// name: bench/bare_merge_relations
// description: Benchmark BASELINE (not used by Lantern): plain UNWIND/MERGE of typed entity relations (dynamic type), evidence overwritten, not accumulated.
// params: rows (list of maps: src, dst, type, doc_ids, starts, ends)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MATCH (b:Entity {id: row.dst})
MERGE (a)-[r:$(row.type)]->(b)
SET r.ev_doc_ids = row.doc_ids, r.ev_starts = row.starts, r.ev_ends = row.ends
RETURN count(*) AS count
