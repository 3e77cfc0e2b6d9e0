// name: schema/indexes
// description: Range indexes on properties the ontology marks with lt:rangeIndex.
// description: GENERATED from ontology/lantern.ttl (lantern schema show --write).
// params: (none)
// returns: nothing
// mode: schema
CREATE INDEX entity_community_id IF NOT EXISTS FOR (n:Entity) ON (n.community_id);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_network_id IF NOT EXISTS FOR (n:Entity) ON (n.network_id);
CREATE INDEX entity_value IF NOT EXISTS FOR (n:Entity) ON (n.value);
