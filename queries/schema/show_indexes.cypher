// name: schema/show_indexes
// description: Names, types, labels, properties and state of every index (constraint-backing indexes included).
// params: (none)
// returns: name, type, labels, properties, state
// mode: read
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state
RETURN name, type, labelsOrTypes AS labels, properties, state
ORDER BY name
