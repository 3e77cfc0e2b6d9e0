// name: api/search_fulltext
// description: API `search`: full-text search over entity names, aliases and identifier values (index
// description: `entity_search`), optionally restricted to some kinds and excluding kinds the caller may not see.
// params: q (string; Lucene query, already escaped by the API), kinds (list of labels; [] = any),
// params: exclude_kinds (list of labels), offset (int), limit (int)
// returns: entity (map of node properties + labels), score
// mode: read
CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node, score
WHERE (size($kinds) = 0 OR any(k IN labels(node) WHERE k IN $kinds))
  AND none(k IN labels(node) WHERE k IN $exclude_kinds)
RETURN node {.*, labels: labels(node)} AS entity, score
ORDER BY score DESC, node.id
SKIP $offset
LIMIT $limit
