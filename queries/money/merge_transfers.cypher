// name: money/merge_transfers
// description: Upsert transfers (one TRANSFERRED_TO per transaction id) between two payment accounts, with date,
// description: moment, amount, currency and reference; append the evidence (record document, line number, row
// description: text) once per document, so re-importing a file changes nothing and a second partner's copy
// description: of the same payment adds its own evidence.
// params: rows (list of maps: id, src, dst, at (ISO local date-time), has_time, amount, currency, reference, doc_id, line, raw)
// returns: count (rows written), added (evidence items appended)
// mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MATCH (b:Entity {id: row.dst})
MERGE (a)-[t:TRANSFERRED_TO {id: row.id}]->(b)
ON CREATE SET t.at = localdatetime(row.at), t.date = date(localdatetime(row.at)), t.has_time = row.has_time,
              t.amount = row.amount, t.currency = row.currency, t.reference = row.reference, t.confidence = 1.0
WITH t, row, row.doc_id IN coalesce(t.ev_doc_ids, []) AS known
SET t.ev_doc_ids = CASE WHEN known THEN t.ev_doc_ids ELSE coalesce(t.ev_doc_ids, []) + row.doc_id END,
    t.ev_rows = CASE WHEN known THEN t.ev_rows ELSE coalesce(t.ev_rows, []) + row.line END,
    t.ev_snippets = CASE WHEN known THEN t.ev_snippets ELSE coalesce(t.ev_snippets, []) + row.raw END
SET t.evidence_count = size(t.ev_doc_ids), t.doc_count = size(t.ev_doc_ids)
RETURN count(*) AS count, sum(CASE WHEN known THEN 0 ELSE 1 END) AS added
