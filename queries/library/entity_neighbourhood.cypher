// name: library/entity_neighbourhood
// description: Everything one typed hop from an entity: direction, relationship type, neighbour, how many
// description: documents support the link and the first evidence snippet. Provenance edges are left out.
// params: entity (string; e.g. "Viktor Hrabar") — entity id or exact name
// params: limit (int; default 100; e.g. 100) — maximum rows
// returns: direction, type, neighbour, neighbour_id, neighbour_kind, doc_count, confidence, snippet
// mode: read
MATCH (e:Entity) WHERE e.id = $entity OR toLower(e.name) = toLower($entity)
MATCH (e)-[r]-(n)
WHERE NOT type(r) IN ['MENTIONED_IN', 'MENTIONED_TOGETHER']
RETURN CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction, type(r) AS type,
       coalesce(n.name, n.title, n.id) AS neighbour, n.id AS neighbour_id, coalesce(n.kind, labels(n)[0]) AS neighbour_kind,
       r.doc_count AS doc_count, r.confidence AS confidence, coalesce(r.ev_snippets[0], r.reason, '') AS snippet
ORDER BY type, neighbour
LIMIT $limit
