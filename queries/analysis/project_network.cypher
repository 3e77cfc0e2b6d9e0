// name: analysis/project_network
// description: Project the linked-network graph into the GDS catalog (Cypher aggregation, undirected):
// description: entities of the given labels (minus excluded classes and hub ids) and their typed relations
// description: (identifier use, employment, ownership, location, recruitment, transport, exploitation,
// description: control, association). Never MENTIONED_IN or MENTIONED_TOGETHER. Namesakes: two people with
// description: the same normalised name that ingest kept apart (a POSSIBLY_SAME_AS {source: 'ingest'} candidate
// description: with score >= 0.5, i.e. not "linked identifiers/organisations/places differ") are joined, with the
// description: candidate's score as weight, only when BOTH take part in a stated network relation other than
// description: place (identifier use, ownership, employment, recruitment, transport, exploitation, control,
// description: association, co-accusation); a namesake with no such relation (a coach quoted in a sports
// description: story, a common name placed in a city) stays apart. Similarity candidates are never projected.
// description: Relationship weight = evidence_count × confidence, summed over parallel facts.
// description: Rows reach the projection in entity-id order, so the same graph gets the same GDS node ids
// description: whatever order the store returns (after a re-ingest): the seeded Leiden runs on the same input.
// description: Neighbours are reached by expansion only: `NOT t.id IN $excluded_ids` implies t.id is not null,
// description: and right after an ingest, while the Entity(id) index statistics still describe the graph before
// description: it, the planner scanned that whole index once per source node (36 M db hits, 25 s for 1,000
// description: documents); coalesce() keeps the exclusion out of the planner's reach.
// params: graph (projection name), node_labels (list), exclude_labels (list), excluded_ids (list of entity ids)
// returns: graph, nodes, relationships
// mode: write
MATCH (s:Entity)
WHERE any(l IN labels(s) WHERE l IN $node_labels) AND none(l IN labels(s) WHERE l IN $exclude_labels)
  AND NOT s.id IN $excluded_ids
CALL (s) {
  OPTIONAL MATCH (s)-[r:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]->(t:Entity)
  WHERE any(l IN labels(t) WHERE l IN $node_labels) AND none(l IN labels(t) WHERE l IN $exclude_labels)
    AND NOT coalesce(t.id, '') IN $excluded_ids AND t <> s
  RETURN t, coalesce(r.evidence_count, 1) * coalesce(r.confidence, 1.0) AS w
  UNION ALL
  MATCH (s:Person)-[c:POSSIBLY_SAME_AS {source: 'ingest'}]->(t:Person)
  WHERE c.score >= 0.5 AND none(l IN labels(t) WHERE l IN $exclude_labels) AND NOT coalesce(t.id, '') IN $excluded_ids
    AND all(p IN [s, t] WHERE EXISTS {
      MATCH (p)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]-(o:Entity)
      WHERE o <> p AND any(l IN labels(o) WHERE l IN $node_labels)
        AND none(l IN labels(o) WHERE l IN $exclude_labels) AND NOT coalesce(o.id, '') IN $excluded_ids
    })
  RETURN t, coalesce(c.score, 0.5) AS w
}
WITH s, t, sum(w) AS weight
ORDER BY s.id, t.id
WITH gds.graph.project($graph, s, t,
       {relationshipProperties: {weight: toFloat(weight)}},
       {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
