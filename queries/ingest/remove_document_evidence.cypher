// name: ingest/remove_document_evidence
// description: Remove the evidence items of these documents from every edge around their entities; delete edges
// description: left with no evidence. Used before a changed document is re-written and by `lantern ingest --delete`.
// params: doc_ids (list of document ids)
// returns: updated (edges that keep other documents' evidence), deleted (edges removed)
// mode: write
MATCH (d:Document) WHERE d.id IN $doc_ids
MATCH (d)<-[:MENTIONED_IN]-(:Entity)-[r]-()
WHERE r.ev_doc_ids IS NOT NULL AND any(x IN r.ev_doc_ids WHERE x IN $doc_ids)
WITH DISTINCT r
WITH r, [i IN range(0, size(r.ev_doc_ids) - 1) WHERE NOT r.ev_doc_ids[i] IN $doc_ids] AS keep
WITH r, keep,
     [i IN keep | r.ev_doc_ids[i]] AS ids, [i IN keep | r.ev_starts[i]] AS starts,
     [i IN keep | r.ev_ends[i]] AS ends, [i IN keep | r.ev_snippets[i]] AS snippets,
     [i IN keep | r.ev_confidences[i]] AS confs
FOREACH (_ IN CASE WHEN size(keep) = 0 THEN [1] ELSE [] END | DELETE r)
FOREACH (_ IN CASE WHEN size(keep) > 0 THEN [1] ELSE [] END |
  SET r.ev_doc_ids = ids, r.ev_starts = starts, r.ev_ends = ends, r.ev_snippets = snippets,
      r.ev_confidences = confs, r.evidence_count = size(ids),
      r.doc_count = size(reduce(acc = [], x IN ids | CASE WHEN x IN acc THEN acc ELSE acc + x END)),
      r.confidence = reduce(m = 0.0, c IN confs | CASE WHEN c > m THEN c ELSE m END))
RETURN count(CASE WHEN size(keep) > 0 THEN 1 END) AS updated, count(CASE WHEN size(keep) = 0 THEN 1 END) AS deleted
