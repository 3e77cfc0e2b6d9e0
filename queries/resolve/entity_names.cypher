// name: resolve/entity_names
// description: Ids, names and normalised values of every entity with a label (for fuzzy candidate suggestions).
// params: label (ontology class, e.g. "Person"; validated before)
// returns: id, name, value
// mode: read
MATCH (n:Entity)
WHERE $label IN labels(n)
RETURN n.id AS id, n.name AS name, n.value AS value
ORDER BY id
