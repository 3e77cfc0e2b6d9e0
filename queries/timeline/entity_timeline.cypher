// name: timeline/entity_timeline
// description: API `timeline`: dated documents (articles, cases, accepted sighting reports, ...) that mention
// description: an entity or its direct neighbours, oldest first, with which of those entities each mentions.
// params: id (string; entity id), from (string YYYY-MM-DD or null), to (string YYYY-MM-DD or null),
// params: neighbours (int; at most this many neighbours), limit (int)
// returns: doc_id, title, kind, labels, date, entities (list of {id, kind})
// mode: read
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[r]-(n:Entity)
WHERE type(r) <> 'POSSIBLY_SAME_AS'
WITH e, collect(DISTINCT n)[..$neighbours] AS around
UNWIND [e] + around AS x
MATCH (x)-[:MENTIONED_IN]->(d:Document)
WHERE d.published IS NOT NULL
  AND ($from IS NULL OR d.published >= date($from)) AND ($to IS NULL OR d.published <= date($to))
WITH d, collect(DISTINCT {id: x.id, kind: x.kind}) AS entities
RETURN d.id AS doc_id, d.title AS title, d.kind AS kind, labels(d) AS labels, toString(d.published) AS date,
       entities
ORDER BY date, doc_id
LIMIT $limit
