// name: ftm/merge_relations
// description: `lantern import ftm`: upsert fact relationships and append the evidence items they do not hold
// description: yet (same document and span): re-importing the same file changes nothing. The type is an ontology relationship
// description: type checked by graph/ftm/imports.py (ontology.allows) before it gets here.
// params: rows (list of maps: type, src, src_label, dst, dst_label (the keyed labels: Entity, Document, Role ...), doc_ids, starts, ends, snippets, confidences, doc_count, confidence)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (a:$(row.src_label) {id: row.src})
MATCH (b:$(row.dst_label) {id: row.dst})
MERGE (a)-[r:$(row.type)]->(b)
WITH r, row, coalesce(r.ev_doc_ids, []) AS ids, coalesce(r.ev_starts, []) AS starts,
     coalesce(r.ev_ends, []) AS ends
WITH r, row, [i IN range(0, size(row.doc_ids) - 1)
              WHERE NOT any(j IN range(0, size(ids) - 1)
                            WHERE ids[j] = row.doc_ids[i] AND starts[j] = row.starts[i] AND ends[j] = row.ends[i])]
             AS fresh
SET r.ev_doc_ids = coalesce(r.ev_doc_ids, []) + [i IN fresh | row.doc_ids[i]],
    r.ev_starts = coalesce(r.ev_starts, []) + [i IN fresh | row.starts[i]],
    r.ev_ends = coalesce(r.ev_ends, []) + [i IN fresh | row.ends[i]],
    r.ev_snippets = coalesce(r.ev_snippets, []) + [i IN fresh | row.snippets[i]],
    r.ev_confidences = coalesce(r.ev_confidences, []) + [i IN fresh | row.confidences[i]]
WITH r, row
SET r.evidence_count = size(r.ev_doc_ids),
    r.doc_count = size(apoc.coll.toSet(r.ev_doc_ids)),
    r.confidence = CASE WHEN coalesce(r.confidence, 0.0) > row.confidence THEN r.confidence ELSE row.confidence END
RETURN count(*) AS count
