// name: api/entity
// description: API `entity`: one entity with all its properties and labels.
// params: id (string; entity id)
// returns: entity (map of node properties + labels)
// mode: read
MATCH (e:Entity {id: $id})
RETURN e {.*, labels: labels(e)} AS entity
