// name: api/routes
// description: API `routes`: movement flows origin → destination from TRANSPORTED_FROM / TRANSPORTED_TO of the
// description: same person, with transit places and supporting documents; counts, not names.
// params: offset (int), limit (int)
// returns: origin, destination (node maps + labels), via (node maps), persons, doc_ids
// mode: read
MATCH (p:Person)-[f:TRANSPORTED_FROM]->(o:Location), (p)-[t:TRANSPORTED_TO]->(d:Location)
WHERE o <> d
OPTIONAL MATCH (p)-[:TRANSPORTED_VIA]->(v:Location)
WITH o, d, count(DISTINCT p) AS persons, collect(DISTINCT v) AS via,
     apoc.coll.toSet(apoc.coll.flatten(collect(coalesce(f.ev_doc_ids, []) + coalesce(t.ev_doc_ids, [])))) AS doc_ids
RETURN o {.*, labels: labels(o)} AS origin, d {.*, labels: labels(d)} AS destination,
       [x IN via | x {.*, labels: labels(x)}] AS via, persons, doc_ids
ORDER BY persons DESC, o.id, d.id
SKIP $offset
LIMIT $limit
