// name: bench/sample_entities
// description: Benchmark inputs: a well-connected phone (neighbourhood), two people linked through a shared identifier or business (paths), a surname to search.
// params: (none)
// returns: hub_id, path_from, path_to, search_text
// mode: read
MATCH (ph:Phone)<-[u:USES_PHONE]-()
WITH ph, count(u) AS users ORDER BY users DESC, ph.id LIMIT 1
OPTIONAL MATCH (a:Person)-[:USES_PHONE|USES_EMAIL|USES_ACCOUNT|WORKS_FOR|OWNS|EXPLOITED_AT|RECRUITED|TRANSPORTED|CONTROLLED]-(x:Entity)-[:USES_PHONE|USES_EMAIL|USES_ACCOUNT|WORKS_FOR|OWNS|EXPLOITED_AT|RECRUITED|TRANSPORTED|CONTROLLED]-(b:Person)
WHERE a.id < b.id
WITH ph, a, b ORDER BY a.id, b.id LIMIT 1
OPTIONAL MATCH (p:Person) WHERE p.name CONTAINS ' '
WITH ph, a, b, p ORDER BY p.doc_count DESC, p.id LIMIT 1
RETURN ph.id AS hub_id, a.id AS path_from, b.id AS path_to, split(p.name, ' ')[-1] AS search_text
