// name: money/transfer_totals
// description: How many transfers, transfers with evidence, transaction records and payment accounts the graph
// description: holds (what an import changed; tests and `lantern money import` compare these).
// params: none
// returns: transfers, with_evidence, records, accounts
// mode: read
CALL () { MATCH ()-[t:TRANSFERRED_TO]->() RETURN count(t) AS transfers,
          count(CASE WHEN size(coalesce(t.ev_doc_ids, [])) > 0 THEN 1 END) AS with_evidence }
CALL () { MATCH (d:TransactionRecord) RETURN count(d) AS records }
CALL () { MATCH (a:PaymentAccount) RETURN count(a) AS accounts }
RETURN transfers, with_evidence, records, accounts
