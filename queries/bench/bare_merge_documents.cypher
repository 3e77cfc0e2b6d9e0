// name: bench/bare_merge_documents
// description: Benchmark BASELINE (not used by Lantern): the plainest UNWIND/MERGE of Document rows.
// params: rows (list of maps: id, title, text, ...)
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.text = row.text, d.published = row.published
RETURN count(*) AS count
