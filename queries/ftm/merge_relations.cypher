// name: ftm/merge_relations
// description: `lantern import ftm`: upsert fact relationships with their evidence lists (replaced, not
// description: appended: re-importing the same file changes nothing). The type is an ontology relationship
// description: type checked by graph/ftm/imports.py (ontology.allows) before it gets here.
// params: rows (list of maps: type, src, src_label, dst, dst_label (the keyed labels: Entity, Document, Role ...), doc_ids, starts, ends, snippets, confidences, doc_count, confidence)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (a:$(row.src_label) {id: row.src})
MATCH (b:$(row.dst_label) {id: row.dst})
MERGE (a)-[r:$(row.type)]->(b)
SET r.ev_doc_ids = row.doc_ids, r.ev_starts = row.starts, r.ev_ends = row.ends, r.ev_snippets = row.snippets,
    r.ev_confidences = row.confidences, r.evidence_count = size(row.doc_ids), r.doc_count = row.doc_count,
    r.confidence = row.confidence
RETURN count(*) AS count
