// name: watch/touched_entities
// description: Alerts: which watched entities the just-ingested documents mention, with the first mention's
// description: text and a snippet around it (the new evidence an alert carries).
// params: doc_ids (list of document ids just written), entity_ids (list of watched entity ids)
// returns: doc_id, title, entity_id, kind, surface, snippet
// mode: read
MATCH (d:Document)
WHERE d.id IN $doc_ids
MATCH (e:Entity)-[m:MENTIONED_IN]->(d)
WHERE e.id IN $entity_ids
WITH d, e, m, coalesce(m.starts[0], 0) AS s, coalesce(m.ends[0], 0) AS t
RETURN d.id AS doc_id, d.title AS title, e.id AS entity_id, e.kind AS kind, m.texts[0] AS surface,
       substring(coalesce(d.text, ''), CASE WHEN s > 80 THEN s - 80 ELSE 0 END, t - s + 160) AS snippet
ORDER BY doc_id, entity_id
