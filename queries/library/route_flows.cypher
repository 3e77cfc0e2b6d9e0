// name: library/route_flows
// description: Route flows between two countries: transported persons moved from a place in one country to a
// description: place in another, grouped by origin and destination place, with transit points and evidence.
// params: from_country (string; e.g. "UA") — origin: ISO country code or country name
// params: to_country (string; e.g. "DE") — destination: ISO country code or country name
// returns: origin, destination, persons (count), names, via (transit places), doc_ids
// mode: read
MATCH (p:Person)-[f:TRANSPORTED_FROM]->(o:Location), (p)-[t:TRANSPORTED_TO]->(d:Location)
WHERE (o.country_code = toUpper($from_country) OR toLower(o.name) = toLower($from_country)
       OR EXISTS { (o)-[:LOCATED_IN*1..3]->(c:Country) WHERE toLower(c.name) = toLower($from_country) })
  AND (d.country_code = toUpper($to_country) OR toLower(d.name) = toLower($to_country)
       OR EXISTS { (d)-[:LOCATED_IN*1..3]->(c:Country) WHERE toLower(c.name) = toLower($to_country) })
OPTIONAL MATCH (p)-[:TRANSPORTED_VIA]->(v:Location)
WITH o, d, p, f, t, collect(DISTINCT v.name) AS via
RETURN o.name AS origin, d.name AS destination, count(DISTINCT p) AS persons, collect(DISTINCT p.name) AS names,
       apoc.coll.toSet(apoc.coll.flatten(collect(via))) AS via,
       apoc.coll.toSet(apoc.coll.flatten(collect(f.ev_doc_ids + t.ev_doc_ids))) AS doc_ids
ORDER BY persons DESC, origin, destination
