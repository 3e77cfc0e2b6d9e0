// name: bench/server_settings
// description: The running server's values of these configuration settings (the bench checks that its instance
// description: runs with the settings it was started for; see bench/neo4j_instance.py).
// params: names (list of setting names)
// returns: name, value
// mode: read
SHOW SETTINGS YIELD name, value WHERE name IN $names
RETURN name, value
