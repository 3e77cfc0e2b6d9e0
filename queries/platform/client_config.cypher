// name: platform/client_config
// description: The settings Neo4j Browser reads from the server (usage data, remote guides), as Browser sees them.
// params: (none)
// returns: name, value
// mode: read
CALL dbms.clientConfig() YIELD name, value
RETURN name, value
