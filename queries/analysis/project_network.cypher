// name: analysis/project_network
// description: Project the linked-network graph into the GDS catalog (Cypher aggregation, undirected):
// description: entities of the given labels (minus excluded classes and hub ids) and their typed relations
// description: (identifier use, employment, ownership, location, recruitment, transport, exploitation,
// description: control, association). Never MENTIONED_IN, MENTIONED_TOGETHER or POSSIBLY_SAME_AS.
// description: Relationship weight = evidence_count × confidence, summed over parallel facts.
// params: graph (projection name), node_labels (list), exclude_labels (list), excluded_ids (list of entity ids)
// returns: graph, nodes, relationships
// mode: write
MATCH (s:Entity)
WHERE any(l IN labels(s) WHERE l IN $node_labels) AND none(l IN labels(s) WHERE l IN $exclude_labels)
  AND NOT s.id IN $excluded_ids
OPTIONAL MATCH (s)-[r:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]->(t:Entity)
WHERE any(l IN labels(t) WHERE l IN $node_labels) AND none(l IN labels(t) WHERE l IN $exclude_labels)
  AND NOT t.id IN $excluded_ids AND t <> s
WITH s, t, sum(coalesce(r.evidence_count, 1) * coalesce(r.confidence, 1.0)) AS weight
WITH gds.graph.project($graph, s, t,
       {relationshipProperties: {weight: toFloat(weight)}},
       {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
