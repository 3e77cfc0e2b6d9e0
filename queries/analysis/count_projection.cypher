// name: analysis/count_projection
// description: Size of the linked-network projection before it is built (for the memory estimate): typed
// description: relations plus the same-name POSSIBLY_SAME_AS {source: 'ingest'} candidates between people
// description: (counted whether or not both sides qualify: an upper bound).
// params: node_labels (list), exclude_labels (list), excluded_ids (list of entity ids)
// returns: nodes, relationships
// mode: read
MATCH (s:Entity)
WHERE any(l IN labels(s) WHERE l IN $node_labels) AND none(l IN labels(s) WHERE l IN $exclude_labels)
  AND NOT s.id IN $excluded_ids
WITH count(s) AS nodes,
     sum(COUNT { (s)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]->(:Entity) }) AS typed,
     sum(COUNT { (s:Person)-[:POSSIBLY_SAME_AS {source: 'ingest'}]->(:Person) }) AS namesakes
RETURN nodes, 2 * (typed + namesakes) AS relationships
