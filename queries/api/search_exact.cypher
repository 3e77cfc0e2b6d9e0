// name: api/search_exact
// description: API `search`, first step: exact match on normalised identifier values (E.164 phones,
// description: lower-cased emails) or entity ids.
// params: values (list of strings), digits (string; national phone digits without leading zeros, "" = none), kinds (list of labels; [] = any), exclude_kinds (list of labels), limit (int)
// returns: entity (map of node properties + labels), score (always 100.0)
// mode: read
MATCH (node:Entity)
WHERE node.value IN $values OR node.id IN $values
   OR ($digits <> '' AND node:Phone AND node.value ENDS WITH $digits)
WITH node
WHERE (size($kinds) = 0 OR any(k IN labels(node) WHERE k IN $kinds))
  AND none(k IN labels(node) WHERE k IN $exclude_kinds)
RETURN node {.*, labels: labels(node)} AS entity, 100.0 AS score
ORDER BY node.id
LIMIT $limit
