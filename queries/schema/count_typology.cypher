// name: schema/count_typology
// description: How many TraffickingType, Indicator and Role nodes exist (checks `schema apply`).
// params: (none)
// returns: label, n
// mode: read
UNWIND ['TraffickingType', 'Indicator', 'Role'] AS label
OPTIONAL MATCH (n:$(label))
RETURN label, count(n) AS n
