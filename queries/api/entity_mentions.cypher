// name: api/entity_mentions
// description: API `entity.evidence`: the documents that mention an entity, with every span and a text
// description: window around each span (the snippet), newest document first.
// params: id (string; entity id), offset (int), limit (int)
// returns: doc_id, title, published, kind, confidence, spans (list of {start, end, text, snippet})
// mode: read
MATCH (e:Entity {id: $id})-[m:MENTIONED_IN]->(d:Document)
RETURN d.id AS doc_id, d.title AS title, toString(d.published) AS published, d.kind AS kind,
       m.confidence AS confidence,
       [i IN range(0, size(coalesce(m.starts, [])) - 1) | {
          start: m.starts[i], end: m.ends[i], text: m.texts[i],
          snippet: substring(coalesce(d.text, ''), CASE WHEN m.starts[i] > 80 THEN m.starts[i] - 80 ELSE 0 END,
                             m.ends[i] - m.starts[i] + 160)}] AS spans
ORDER BY published DESC, doc_id
SKIP $offset
LIMIT $limit
