// name: analysis/route_facts
// description: Movement facts per person: where recruited, transported from / via / to, exploited at (an
// description: organisation counts through the place it is LOCATED_IN), with evidence documents and dates.
// params: (none)
// returns: person_id, person, fact (relationship type), place_id, place, kind, lat, lon, first_start,
// returns: doc_ids, dates (ISO dates of the evidence documents)
// mode: read
MATCH (p:Person)-[r:RECRUITED_IN|TRANSPORTED_FROM|TRANSPORTED_VIA|TRANSPORTED_TO|EXPLOITED_AT]->(x:Entity)
OPTIONAL MATCH (x)-[:LOCATED_IN]->(xl:Location) WHERE NOT x:Location
WITH p, r, CASE WHEN x:Location THEN x ELSE xl END AS l
WHERE l IS NOT NULL
WITH p, r, l, coalesce(r.ev_doc_ids, []) AS doc_ids
RETURN p.id AS person_id, p.name AS person, type(r) AS fact, l.id AS place_id, l.name AS place, l.kind AS kind,
       l.lat AS lat, l.lon AS lon, coalesce(reduce(m = null, s IN coalesce(r.ev_starts, []) |
         CASE WHEN m IS NULL OR s < m THEN s ELSE m END), 0) AS first_start, doc_ids,
       COLLECT { MATCH (d:Document) WHERE d.id IN doc_ids AND d.published IS NOT NULL
                 RETURN toString(date(d.published)) } AS dates
ORDER BY person_id, fact, place_id
