// name: library/documents_mentioning_entity
// description: Documents that mention an entity, newest first, with how it was written in each (mention texts).
// params: entity (string; e.g. "Viktor Hrabar") — entity id or exact name
// params: limit (int; default 50; e.g. 50) — maximum rows
// returns: doc_id, title, kind, published, mentions (how many), texts, confidence
// mode: read
MATCH (e:Entity) WHERE e.id = $entity OR toLower(e.name) = toLower($entity)
MATCH (e)-[m:MENTIONED_IN]->(d:Document)
RETURN d.id AS doc_id, d.title AS title, d.kind AS kind, toString(d.published) AS published,
       size(m.starts) AS mentions, apoc.coll.toSet(m.texts) AS texts, m.confidence AS confidence
ORDER BY published DESC, doc_id
LIMIT $limit
