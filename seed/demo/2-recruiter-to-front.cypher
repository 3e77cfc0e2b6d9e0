// name: demo/recruiter-to-front
// description: How the recruiter of N1 connects to the front business, hop by hop (no document shows both).
// params: none
// returns: path
MATCH (a:Person {value: 'Larysa Bondar'}), (b:Business {name: 'Sonnenblume Wellness GmbH'})
MATCH p = shortestPath((a)-[*..8]-(b))
WHERE none(r IN relationships(p) WHERE type(r) IN ['MENTIONED_IN', 'MENTIONED_TOGETHER'])
RETURN p;
