// name: api/business_exposure_paths
// description: API `businessExposure`: exposure paths of one business, by the audited definition shared with
// description: `lantern audit` (queries/supplier_audit/exposure_paths.cypher, docs/design/exposure.md): breadth-first,
// description: the shortest path to each entity, at most $max_hops typed hops, never through countries, regions, cities,
// description: authorities, NGOs or documents, ending at a trafficking-linked entity: a front business, an exploitation
// description: site, someone who recruited, transported or controlled people, an entity with a trafficking role other
// description: than Victim, or (when $min_risk is set) a risk score at or above it. Labour supply is followed both ways.
// params: id (string; business id), max_hops (int 0..6), min_risk (float or null), limit (int), ev_limit (int)
// returns: hops, target (node map + labels), target_roles, nodes, edges (with evidence)
// mode: read
MATCH (b:Entity {id: $id})
CALL apoc.path.expandConfig(b, {
  relationshipFilter: 'USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|SUPPLIED_LABOUR_TO|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED',
  labelFilter: '-Country|-Region|-City|-Authority|-NGO|-Document',
  minLevel: 0, maxLevel: $max_hops, uniqueness: 'NODE_GLOBAL', bfs: true
}) YIELD path
WITH path, last(nodes(path)) AS t
WHERE t:FrontBusiness
   OR EXISTS { (:Person)-[:EXPLOITED_AT]->(t) }
   OR EXISTS { (t)-[:RECRUITED|TRANSPORTED|CONTROLLED]->(:Person) }
   OR EXISTS { (t)-[:HAS_ROLE]->(r:Role) WHERE r.id <> 'Victim' }
   OR ($min_risk IS NOT NULL AND t.risk_score >= $min_risk)
OPTIONAL MATCH (t)-[:HAS_ROLE]->(role:Role)
WITH path AS p, t, collect(DISTINCT role.id) AS target_roles
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
