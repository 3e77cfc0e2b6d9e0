// name: gdpr/subject_links
// description: GDPR subject access: every relationship of the identifiers' nodes except provenance, with the
// description: entity at the other end and the evidence (documents and snippets) the graph holds for it.
// params: ids (list of entity ids), provenance (relationship type of mentions, read from the ontology)
// returns: id, type, outgoing, other_id, other_kind, other_name, doc_ids, snippets, props
// mode: read
MATCH (n:Entity)-[r]-(m)
WHERE n.id IN $ids AND type(r) <> $provenance
RETURN n.id AS id, type(r) AS type, startNode(r) = n AS outgoing, m.id AS other_id,
       coalesce(m.kind, labels(m)[0]) AS other_kind, m.name AS other_name,
       coalesce(r.ev_doc_ids, []) AS doc_ids, coalesce(r.ev_snippets, []) AS snippets, properties(r) AS props
ORDER BY id, type, other_id
