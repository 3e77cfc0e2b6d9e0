// name: resolve/clear_relationships
// description: Delete every relationship of one entity (split: before its pre-merge relationships are restored).
// params: id (entity id)
// returns: deleted
// mode: write
MATCH (n:Entity {id: $id})-[r]-()
DELETE r
RETURN count(r) AS deleted
