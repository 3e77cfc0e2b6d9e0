// name: analysis/hotspot_documents
// description: Places mentioned in trafficking documents (CLASSIFIED_AS any TraffickingType) published in
// description: [since, until]: one row per (place, document) with the document's source and trafficking types.
// params: since (ISO date string), until (ISO date string), kinds (list of Location labels; [] = any)
// returns: place_id, place, kind, lat, lon, country_code, doc_id, published (ISO date), source, types
// mode: read
MATCH (d:Document)-[:CLASSIFIED_AS]->(:TraffickingType)
WHERE d.published IS NOT NULL AND date(d.published) >= date($since) AND date(d.published) <= date($until)
MATCH (l:Location)-[:MENTIONED_IN]->(d)
WHERE size($kinds) = 0 OR any(k IN labels(l) WHERE k IN $kinds)
WITH l, d, [(d)-[:CLASSIFIED_AS]->(t:TraffickingType) | t.id] AS types
RETURN l.id AS place_id, l.name AS place, l.kind AS kind, l.lat AS lat, l.lon AS lon,
       l.country_code AS country_code, d.id AS doc_id, toString(date(d.published)) AS published,
       coalesce(d.source, d.url, d.id) AS source, types
ORDER BY place_id, doc_id
