// name: api/documents
// description: API `documents`: documents, newest first, optionally filtered by kind and title text.
// params: kind (string; "" = any), text (string; "" = any; case-insensitive substring of the title), offset, limit
// returns: document (map: id, title, source, url, published, kind, ingested_at, extractor_version),
// returns: entity_count, trafficking_types, indicators
// mode: read
MATCH (d:Document)
WHERE ($kind = '' OR d.kind = $kind OR $kind IN labels(d))
  AND ($text = '' OR toLower(coalesce(d.title, '')) CONTAINS toLower($text))
WITH d ORDER BY toString(d.published) DESC, d.id SKIP $offset LIMIT $limit
RETURN d {.id, .title, .source, .url, .kind, .extractor_version, published: toString(d.published),
          ingested_at: toString(d.ingested_at)} AS document,
       COUNT { (d)<-[:MENTIONED_IN]-(:Entity) } AS entity_count,
       [(d)-[:CLASSIFIED_AS]->(t) | t.id] AS trafficking_types,
       [(d)-[:HAS_INDICATOR]->(i) | i.id] AS indicators
