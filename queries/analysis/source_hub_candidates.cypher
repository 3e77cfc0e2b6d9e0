// name: analysis/source_hub_candidates
// description: Per-source hub candidates: identifiers, organisations and people without a case role (not accused,
// description: no perpetrator role) mentioned in at least min_docs documents; one row per (entity, document) with
// description: the document's source and the people of the case it reports (with a case role), so
// description: `graph.analytics.hubs` can tell related documents (a common case person) from unrelated ones within
// description: each source (office): a press contact or a hotline recurs across cases, a trafficker's phone does not.
// description: `held`: a person who is not an official, or a business, uses / owns / is linked to the entity
// description: (then it is evidence, never a per-source hub: a press line is used by nobody or by officials).
// params: node_labels (list of labels the projection uses), min_docs (int), case_roles (list of Role ids),
// params: official_role (Role id)
// returns: id, name, kind, doc_id, source, persons (list of person ids with a case role),
// returns: held (true when a person with a case role is linked to the entity by a typed relation)
// mode: read
MATCH (e:Entity)
WHERE any(l IN labels(e) WHERE l IN $node_labels)
  AND COUNT { (e)-[:MENTIONED_IN]->(:Document) } >= $min_docs
  AND NOT EXISTS { (e)-[:HAS_ROLE]->(r:Role) WHERE r.id IN $case_roles }
MATCH (e)-[:MENTIONED_IN]->(d:Document)
RETURN e.id AS id, e.name AS name, e.kind AS kind, d.id AS doc_id, d.source AS source,
       [(p:Person)-[:MENTIONED_IN]->(d) WHERE EXISTS { (p)-[:HAS_ROLE]->(r:Role) WHERE r.id IN $case_roles }
        | p.id] AS persons,
       EXISTS {
         (e)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]-(h:Entity)
         WHERE (h:Person AND NOT EXISTS { (h)-[:HAS_ROLE]->(:Role {id: $official_role}) })
            OR (h:Business AND NOT e:Person)
       } AS held
ORDER BY id, doc_id
