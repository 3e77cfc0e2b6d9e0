// name: api/hotspots
// description: API `hotspots`: places ranked by trafficking events (exploitation, recruitment, transport legs)
// description: recorded against them, with the number of persons and supporting documents.
// params: kinds (list of Location labels; [] = any), offset (int), limit (int)
// returns: location (node map + labels), events, persons, event_types, doc_count
// mode: read
MATCH (l:Location)<-[r:EXPLOITED_AT|RECRUITED_IN|TRANSPORTED_FROM|TRANSPORTED_TO|TRANSPORTED_VIA]-(p:Entity)
WHERE size($kinds) = 0 OR any(k IN labels(l) WHERE k IN $kinds)
WITH l, count(r) AS events, count(DISTINCT p) AS persons, collect(DISTINCT type(r)) AS event_types,
     apoc.coll.toSet(apoc.coll.flatten(collect(coalesce(r.ev_doc_ids, [])))) AS doc_ids
RETURN l {.*, labels: labels(l)} AS location, events, persons, event_types, size(doc_ids) AS doc_count
ORDER BY events DESC, persons DESC, l.id
SKIP $offset
LIMIT $limit
