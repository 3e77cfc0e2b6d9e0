// name: library/fronts_of_business
// description: Front businesses linked to a business: owned by the same person/organisation, sharing an address
// description: or an identifier, or employing the same people — with how each link was made.
// params: business (string; e.g. "AgriFlex Recruitment Ltd") — business id or exact name
// returns: front, front_id, link (OWNS | shared address/identifier | shared owner | shared worker), via, via_kind, snippet
// mode: read
MATCH (b:Organization) WHERE b.id = $business OR toLower(b.name) = toLower($business)
CALL (b) {
  MATCH (b)-[r:OWNS]-(f:FrontBusiness)
  RETURN f, 'OWNS' AS link, b.name AS via, b.kind AS via_kind, coalesce(r.ev_snippets[0], '') AS snippet
  UNION
  MATCH (b)-[r1:LOCATED_IN|USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_ACCOUNT]->(x:Entity)<-[:LOCATED_IN|USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_ACCOUNT]-(f:FrontBusiness)
  WHERE (x:Address OR x:Identifier)
  RETURN f, 'shared ' + toLower(x.kind) AS link, coalesce(x.value, x.name) AS via, x.kind AS via_kind,
         coalesce(r1.ev_snippets[0], '') AS snippet
  UNION
  MATCH (b)<-[r1:OWNS]-(o:Entity)-[:OWNS]->(f:FrontBusiness)
  RETURN f, 'shared owner' AS link, o.name AS via, o.kind AS via_kind, coalesce(r1.ev_snippets[0], '') AS snippet
  UNION
  MATCH (b)<-[r1:WORKS_FOR]-(w:Person)-[:WORKS_FOR|OWNS]->(f:FrontBusiness)
  RETURN f, 'shared worker' AS link, w.name AS via, w.kind AS via_kind, coalesce(r1.ev_snippets[0], '') AS snippet
}
WITH f, link, via, via_kind, snippet WHERE f.id <> b.id
RETURN f.name AS front, f.id AS front_id, link, via, via_kind, snippet
ORDER BY front, link
