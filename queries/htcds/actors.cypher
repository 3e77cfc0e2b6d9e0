// name: htcds/actors
// description: `lantern export --format htcds`: people and organisations with their outgoing links of the given
// description: types (identifiers they use, places they are located in, roles they play), one row per actor.
// params: kinds (list of class names), types (list of relationship types)
// returns: id, kind, name, links (list of maps: type, kind, id, value)
// mode: read
MATCH (n:Entity)
WHERE n.kind IN $kinds
OPTIONAL MATCH (n)-[r]->(m)
WHERE type(r) IN $types
WITH n, r, m ORDER BY type(r), m.id
WITH n, [x IN collect({type: type(r), kind: coalesce(m.kind, labels(m)[0]), id: m.id,
                       value: coalesce(m.value, m.name, m.id)}) WHERE x.type IS NOT NULL] AS links
RETURN n.id AS id, n.kind AS kind, n.name AS name, links
ORDER BY n.id
