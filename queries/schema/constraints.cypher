// name: schema/constraints
// description: Uniqueness constraints on the key property of each keyed ontology class.
// description: GENERATED from ontology/lantern.ttl (lantern schema show --write).
// params: (none)
// returns: nothing
// mode: schema
CREATE CONSTRAINT analysis_run_id_unique IF NOT EXISTS FOR (n:AnalysisRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id_unique IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT incident_id_unique IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT indicator_id_unique IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT role_id_unique IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT trafficking_type_id_unique IF NOT EXISTS FOR (n:TraffickingType) REQUIRE n.id IS UNIQUE;
