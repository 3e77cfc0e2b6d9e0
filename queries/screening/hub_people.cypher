// name: screening/hub_people
// description: The hub's people for name screening, as one list: id, name and aliases of every person of the
// description: given kinds, held in memory for rapidfuzz matching.
// params: kinds (list of class names)
// returns: people (list of maps: id, name, aliases)
// mode: read
MATCH (e:Person)
WHERE e.kind IN $kinds
RETURN collect({id: e.id, name: e.name, aliases: coalesce(e.aliases, [])}) AS people
