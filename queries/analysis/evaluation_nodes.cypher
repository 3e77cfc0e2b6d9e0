// name: analysis/evaluation_nodes
// description: For `lantern evaluate analysis`: every entity mentioned in the given documents, one row per
// description: (entity, document), with its analysis results and the mention spans (document text offsets).
// params: doc_ids (list of document ids)
// returns: id, kind, name, risk_score, network_id, doc_id, starts, ends
// mode: read
UNWIND $doc_ids AS did
MATCH (d:Document {id: did})<-[m:MENTIONED_IN]-(e:Entity)
RETURN e.id AS id, e.kind AS kind, e.name AS name, e.risk_score AS risk_score, e.network_id AS network_id,
       d.id AS doc_id, m.starts AS starts, m.ends AS ends
ORDER BY id, doc_id
