// name: api/business_exposure_paths
// description: API `businessExposure`: shortest paths from a business to trafficking-linked entities: holders
// description: of a trafficking role (HAS_ROLE), front businesses, exploitation sites and high-risk entities.
// description: Labour supply (SUPPLIED_LABOUR_TO) is followed both ways: a client is exposed through its labour provider.
// params: id (string; business id), max_hops (int 1..6), min_risk (float), limit (int), ev_limit (int)
// returns: hops, target (node map + labels), target_roles, nodes, edges (with evidence)
// mode: read
MATCH (b:Entity {id: $id})
MATCH (t:Entity)
WHERE t <> b AND (EXISTS { (t)-[:HAS_ROLE]->(:Role) } OR t:FrontBusiness OR EXISTS { (:Person)-[:EXPLOITED_AT]->(t) }
                  OR coalesce(t.risk_score, 0.0) >= $min_risk)
MATCH p = shortestPath((b)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|SUPPLIED_LABOUR_TO|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED*..6]-(t))
WHERE length(p) <= $max_hops
  AND all(n IN nodes(p)[1..-1] WHERE NOT (n:Country OR n:Region OR n:City))
OPTIONAL MATCH (t)-[:HAS_ROLE]->(role:Role)
WITH p, t, collect(DISTINCT role.id) AS target_roles
ORDER BY length(p), t.id
LIMIT $limit
RETURN length(p) AS hops, t {.*, labels: labels(t)} AS target, target_roles,
       [n IN nodes(p) | n {.*, labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id,
          confidence: r.confidence, doc_count: r.doc_count, evidence_count: r.evidence_count,
          evidence: [i IN range(0, CASE WHEN size(coalesce(r.ev_doc_ids, [])) < $ev_limit
                                        THEN size(coalesce(r.ev_doc_ids, [])) ELSE $ev_limit END - 1) |
             {doc_id: r.ev_doc_ids[i], start: r.ev_starts[i], end: r.ev_ends[i], snippet: r.ev_snippets[i],
              confidence: r.ev_confidences[i]}]}] AS edges
