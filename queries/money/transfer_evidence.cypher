// name: money/transfer_evidence
// description: The evidence of transfers: the transaction records, lines and row texts they were read from,
// description: with what they say (date, amount, currency, reference) and their two accounts.
// params: ids (list of transfer ids; e.g. ["txn:3f2a9c..."])
// returns: id, from_account, to_account, at, amount, currency, reference, doc_ids, rows, snippets
// mode: read
UNWIND $ids AS tid
MATCH (a)-[t:TRANSFERRED_TO {id: tid}]->(b)
RETURN t.id AS id, a.value AS from_account, b.value AS to_account, toString(t.at) AS at, t.amount AS amount,
       t.currency AS currency, t.reference AS reference, t.ev_doc_ids AS doc_ids, t.ev_rows AS rows,
       t.ev_snippets AS snippets
