// name: screening/hub_identifiers
// description: The hub's screenable identifiers: the resolution keys (`id`) of every identifier of the given
// description: kinds (phones, e-mails, payment accounts), as one list. Screening and PSI match partners'
// description: normalised inputs against these keys in memory; no partner input is ever sent to Neo4j.
// params: kinds (list of class names)
// returns: ids (list of strings)
// mode: read
MATCH (e:Identifier)
WHERE e.kind IN $kinds
RETURN collect(e.id) AS ids
