// name: schema/test_legacy_entity_search
// description: Test fixture: `entity_search` as it was declared before the index read the `variants` and `aliases`
// description: lists (over a derived `search_text`), with one entity still carrying that property.
// mode: schema
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.search_text, n.value];
MERGE (n:Entity {id: 'test:legacy-search-text'})
SET n.name = 'Quillon Legacy', n.aliases = ['Ardent Quill'], n.search_text = 'Quillon Legacy Ardent Quill';
CALL db.awaitIndexes(120);
