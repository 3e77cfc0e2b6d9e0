// name: api/route_gaps
// description: API `routeGaps`: movements that make no route, with the reason — a person with a transit place or a
// description: destination but no origin, an origin but no destination, or the same place at both ends. Counts, not names.
// params: offset (int), limit (int)
// returns: reason, fact (relationship type), place (node map + labels), persons, doc_ids
// mode: read
MATCH (p:Person)-[r:TRANSPORTED_FROM|TRANSPORTED_VIA|TRANSPORTED_TO]->(l:Location)
WITH p, collect({fact: type(r), place: l, docs: coalesce(r.ev_doc_ids, [])}) AS facts
WITH p, facts, [f IN facts WHERE f.fact = 'TRANSPORTED_FROM' | f.place] AS origins,
     [f IN facts WHERE f.fact = 'TRANSPORTED_TO' | f.place] AS destinations
WITH p, facts, CASE
  WHEN size(origins) = 0 AND size(destinations) = 0 THEN 'only a transit place mentioned (no origin, no destination)'
  WHEN size(origins) = 0 THEN 'movement mentioned without an origin'
  WHEN size(destinations) = 0 THEN 'movement mentioned without a destination'
  WHEN all(o IN origins WHERE all(d IN destinations WHERE o = d)) THEN 'origin and destination are the same place'
END AS reason
WHERE reason IS NOT NULL
UNWIND facts AS f
WITH reason, f.fact AS fact, f.place AS place, count(DISTINCT p) AS persons, collect(f.docs) AS docs
RETURN reason, fact, place {.*, labels: labels(place)} AS place, persons,
       apoc.coll.toSet(apoc.coll.flatten(docs)) AS doc_ids
ORDER BY persons DESC, reason, place.id, fact
SKIP $offset
LIMIT $limit
