// name: library/search_entities
// description: Find entities by name, alias or identifier with the full-text index `entity_search`
// description: (Lucene syntax: fuzzy `petrov~`, prefix `sunr*`). Start here to get an id for the other queries.
// params: q (string; e.g. "kravets") — search text
// params: limit (int; default 20; e.g. 20) — maximum rows
// returns: id, name, kind, score, doc_count, risk_score
// mode: read
CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node, score
RETURN node.id AS id, node.name AS name, node.kind AS kind, score, node.doc_count AS doc_count,
       node.risk_score AS risk_score
ORDER BY score DESC, name
LIMIT $limit
