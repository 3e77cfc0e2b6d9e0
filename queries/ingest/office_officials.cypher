// name: ingest/office_officials
// description: The officials already in the graph per office: people with the Official role whose key is
// description: `person:<name>#@<office>` (graph.ingest.office.official_key). The writer maps a batch's official
// description: name forms onto them (graph.resolve_officials) and merges older shorter forms into a fuller one.
// description: Expands the Official role's HAS_ROLE edges (officials are few) instead of scanning every person.
// params: offices (list of strings), role (the Official role's id)
// returns: office, ids (official keys of that office, sorted)
// mode: read
UNWIND $offices AS office
OPTIONAL MATCH (:Role {id: $role})<-[:HAS_ROLE]-(p:Person)
WHERE p.id ENDS WITH '#@' + office
WITH office, p.id AS id ORDER BY id
RETURN office, collect(id) AS ids
