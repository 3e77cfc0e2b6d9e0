// name: supplier_audit/exposure_paths
// description: Exposure of one business: breadth-first paths (shortest to each entity, at most $max_hops typed
// description: hops, never through countries, regions, cities, authorities, NGOs or documents) that end at a
// description: trafficking-linked entity: a front business, an exploitation site, someone who recruited, transported
// description: or controlled people, an entity with a trafficking role, a payment account with a money red flag
// description: (graph/money/flags.py), or (when $risk_threshold is set) a risk score at or above it.
// description: Labour supply (SUPPLIED_LABOUR_TO) is followed both ways: a client is exposed through its labour provider.
// description: With $include_weak, same-sentence co-mentions (MENTIONED_TOGETHER) are followed too (the caller
// description: marks such paths weak). Each hop carries its evidence (snippets, document ids); the end entity its trafficking documents.
// params: business_id (string; e.g. "business:northgate logistics") — the matched business node id
// params: max_hops (int; default 3; e.g. 3) — longest path
// params: risk_threshold (float; default null; e.g. 0.7) — risk_score at which an entity counts as trafficking-linked (null: risk scores are not used)
// params: include_weak (bool; default false; e.g. false) — also follow MENTIONED_TOGETHER (same-sentence, untyped) hops
// params: limit (int; default 25; e.g. 25) — maximum paths
// returns: hops, nodes ({id,name,kind}), rels ({type,from,to,snippets,doc_ids,confidence,people mentioned in those documents}), reasons, risk_score, trafficking_types, incidents, doc_ids
// mode: read
MATCH (b:Entity {id: $business_id})
CALL apoc.path.expandConfig(b, {
  relationshipFilter: 'USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|SUPPLIED_LABOUR_TO|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED'
                      + CASE WHEN $include_weak THEN '|MENTIONED_TOGETHER' ELSE '' END,
  labelFilter: '-Country|-Region|-City|-Authority|-NGO|-Document',
  minLevel: 0, maxLevel: $max_hops, uniqueness: 'NODE_GLOBAL', bfs: true
}) YIELD path
WITH path, last(nodes(path)) AS x
WITH path, x, [reason IN [
    CASE WHEN x:FrontBusiness THEN 'front business' END,
    CASE WHEN EXISTS { (:Person)-[:EXPLOITED_AT]->(x) } THEN 'exploitation site' END,
    CASE WHEN EXISTS { (x)-[:RECRUITED|TRANSPORTED|CONTROLLED]->(:Person) }
         THEN 'recruited, transported or controlled people' END,
    CASE WHEN EXISTS { (x)-[:HAS_ROLE]->(r:Role) WHERE r.id <> 'Victim' }
         THEN 'trafficking role: ' + apoc.text.join(COLLECT { MATCH (x)-[:HAS_ROLE]->(r:Role) WHERE r.id <> 'Victim'
                                                              RETURN DISTINCT r.id }, ', ') END,
    CASE WHEN x:PaymentAccount AND size(coalesce(x.money_flags, [])) > 0
         THEN 'money red flag on ' + coalesce(x.value, x.name) + ': '
              + apoc.text.join(coalesce(x.money_flag_reasons, []), '; ') END,
    CASE WHEN $risk_threshold IS NOT NULL AND x.risk_score >= $risk_threshold
         THEN 'risk score ' + toString(round(x.risk_score, 2)) END
  ] WHERE reason IS NOT NULL] AS reasons
WHERE size(reasons) > 0
RETURN length(path) AS hops,
       [n IN nodes(path) | {id: n.id, name: n.name, kind: n.kind}] AS nodes,
       [r IN relationships(path) | {type: type(r), from: startNode(r).id, to: endNode(r).id,
          snippets: coalesce(r.ev_snippets, [])[0..3], doc_ids: coalesce(r.ev_doc_ids, [])[0..3],
          confidence: r.confidence,
          people: [(pp:Person)-[m:MENTIONED_IN]->(d:Document) WHERE d.id IN coalesce(r.ev_doc_ids, [])[0..3]
                   | {id: pp.id, name: pp.name, texts: coalesce(m.texts, [])}]}] AS rels,
       reasons, x.risk_score AS risk_score,
       COLLECT { MATCH (x)-[:MENTIONED_IN]->(:Document)-[:CLASSIFIED_AS]->(t:TraffickingType) RETURN DISTINCT t.id } AS trafficking_types,
       COLLECT { MATCH (x)-[:MENTIONED_IN]->(:Document)-[:PART_OF_INCIDENT]->(i:Incident) RETURN DISTINCT i.id } AS incidents,
       COLLECT { MATCH (x)-[:MENTIONED_IN]->(d:Document) RETURN DISTINCT d.id ORDER BY d.id LIMIT 5 } AS doc_ids
ORDER BY hops, x.id
LIMIT $limit
