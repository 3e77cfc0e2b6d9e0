// name: platform/set_initial_password
// description: On a new database, replace the initial neo4j/neo4j password with NEO4J_PASSWORD (run against the `system` database by `lantern neo4j start`).
// params: pw (string; the configured password)
// returns: nothing
// mode: write
ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $pw
