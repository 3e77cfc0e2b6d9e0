// name: gdpr/subject_mentions
// description: GDPR: the documents that mention the identifiers' nodes, with the mention spans and the text.
// params: ids (list of entity ids)
// returns: id, doc_id, title, source, published, ingested_at, starts, ends, texts, text
// mode: read
MATCH (n:Entity)-[m:MENTIONED_IN]->(d:Document)
WHERE n.id IN $ids
RETURN n.id AS id, d.id AS doc_id, d.title AS title, d.source AS source, toString(d.published) AS published,
       toString(d.ingested_at) AS ingested_at, m.starts AS starts, m.ends AS ends, m.texts AS texts,
       d.text AS text
ORDER BY id, doc_id
