// name: schema/show_constraints
// description: Names, labels and properties of every constraint (used by `lantern schema apply` to report changes).
// params: (none)
// returns: name, type, labels, properties
// mode: read
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties
RETURN name, type, labelsOrTypes AS labels, properties
ORDER BY name
