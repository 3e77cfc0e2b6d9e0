// name: api/test_fixture_search_index
// description: Test fixture: the full-text index `entity_search` (as `ontology.schema.apply_schema` creates it),
// description: for API tests that run before/without the ontology schema; waits until indexes are online.
// mode: schema
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.aliases, n.name, n.value, n.variants];
CALL db.awaitIndexes(120);
