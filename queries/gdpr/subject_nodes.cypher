// name: gdpr/subject_nodes
// description: GDPR: the entity nodes of a data subject's identifiers (by id), with every property.
// params: ids (list of entity ids)
// returns: id, kind, props
// mode: read
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS id, n.kind AS kind, properties(n) AS props
ORDER BY n.id
