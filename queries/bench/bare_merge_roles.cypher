// name: bench/bare_merge_roles
// description: Benchmark BASELINE (not used by Lantern): plain UNWIND/MERGE of HAS_ROLE links (Entity → Role), evidence overwritten.
// params: rows (list of maps: src, role, doc_ids, starts, ends)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MERGE (b:Role {id: row.role})
MERGE (a)-[r:HAS_ROLE]->(b)
SET r.ev_doc_ids = row.doc_ids, r.ev_starts = row.starts, r.ev_ends = row.ends
RETURN count(*) AS count
