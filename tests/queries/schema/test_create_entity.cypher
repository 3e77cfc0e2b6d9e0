// name: schema/test_create_entity
// description: Test helper: CREATE (not MERGE) a Person entity, to prove the Entity.id uniqueness constraint.
// params: id (string), display_name (string)
// returns: id
// mode: write
CREATE (n:Entity:Person {id: $id, name: $display_name})
RETURN n.id AS id
