// name: resolve/delete_entities
// description: Delete entity nodes with all their relationships (merge: the absorbed nodes, after the snapshot).
// params: ids (list of entity ids)
// returns: deleted
// mode: write
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
RETURN count(*) AS deleted
