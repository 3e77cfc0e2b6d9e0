// name: screening/hub_identifiers
// description: The hub's screenable identifiers: the resolution keys (`id`) of every entity of the given
// description: kinds (phones, e-mails, payment accounts). Screening and PSI match partners' normalised
// description: inputs against these keys in memory; no partner input is ever sent to Neo4j.
// params: kinds (list of class names)
// returns: id
// mode: read
MATCH (e:Entity)
WHERE e.kind IN $kinds
RETURN e.id AS id
