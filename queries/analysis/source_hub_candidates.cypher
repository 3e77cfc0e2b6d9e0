// name: analysis/source_hub_candidates
// description: Per-source hub candidates: identifiers and organisations (no people) mentioned in at least
// description: min_docs documents, one row per (entity, document) with the document's source and the people
// description: it mentions who are not officials, so `graph.analytics.hubs` can tell related documents (sharing
// description: a person) from unrelated ones within each source (office).
// params: node_labels (list of labels the projection uses), min_docs (int), official_roles (list of Role ids)
// returns: id, name, kind, doc_id, source, persons (list of person ids)
// mode: read
MATCH (e:Entity)
WHERE any(l IN labels(e) WHERE l IN $node_labels) AND NOT e:Person
  AND COUNT { (e)-[:MENTIONED_IN]->(:Document) } >= $min_docs
MATCH (e)-[:MENTIONED_IN]->(d:Document)
RETURN e.id AS id, e.name AS name, e.kind AS kind, d.id AS doc_id, d.source AS source,
       [(p:Person)-[:MENTIONED_IN]->(d) WHERE NOT EXISTS { (p)-[:HAS_ROLE]->(r:Role) WHERE r.id IN $official_roles }
        | p.id] AS persons
ORDER BY id, doc_id
