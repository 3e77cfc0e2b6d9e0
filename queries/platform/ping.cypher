// name: platform/ping
// description: Health check used by `lantern neo4j status` and the API's /readyz.
// params: (none)
// returns: ok (1), neo4j, gds and apoc versions
// mode: read
CALL dbms.components() YIELD versions, edition
RETURN 1 AS ok, versions[0] AS neo4j, edition, gds.version() AS gds, apoc.version() AS apoc
