// name: money/existing_transfers
// description: Transfers already in the graph with one of these ids, with what they say (to refuse a given
// description: id that a partner reused for a different payment).
// params: ids (list of transfer ids)
// returns: id, src, dst, amount, currency, at, doc_ids, rows
// mode: read
UNWIND $ids AS tid
MATCH (a)-[t:TRANSFERRED_TO {id: tid}]->(b)
RETURN t.id AS id, a.id AS src, b.id AS dst, t.amount AS amount, t.currency AS currency,
       toString(t.at) AS at, t.ev_doc_ids AS doc_ids, t.ev_rows AS rows
