// name: screening/hub_people
// description: The hub's people for name screening: id, name and aliases of every entity of the given kinds
// description: (persons), held in memory for rapidfuzz matching.
// params: kinds (list of class names)
// returns: id, name, aliases
// mode: read
MATCH (e:Entity)
WHERE e.kind IN $kinds
RETURN e.id AS id, e.name AS name, coalesce(e.aliases, []) AS aliases
