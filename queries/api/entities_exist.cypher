// name: api/entities_exist
// description: API NOT_FOUND checks: which of the given ids are entities (the others get a "did you mean").
// params: ids (list of strings; entity ids)
// returns: id
// mode: read
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id
