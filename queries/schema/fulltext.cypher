// name: schema/fulltext
// description: Full-text indexes declared with lt:fulltextIndex (entity_search).
// description: GENERATED from ontology/lantern.ttl (lantern schema show --write).
// params: (none)
// returns: nothing
// mode: schema
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.aliases, n.name, n.value, n.variants];
