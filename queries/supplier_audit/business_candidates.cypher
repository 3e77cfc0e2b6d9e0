// name: supplier_audit/business_candidates
// description: Every business in the graph with what a supplier register can be matched on: name, aliases,
// description: phones, addresses and the country codes of the places it is located in (up to 3 LOCATED_IN steps).
// params: (none)
// returns: id, name, kind, aliases, phones, emails, addresses, country_codes, doc_count
// mode: read
MATCH (b:Business)
RETURN b.id AS id, b.name AS name, b.kind AS kind, coalesce(b.aliases, []) AS aliases,
       COLLECT { MATCH (b)-[:USES_PHONE]->(p:Phone) RETURN DISTINCT p.value } AS phones,
       COLLECT { MATCH (b)-[:USES_EMAIL]->(e:Email) RETURN DISTINCT e.value } AS emails,
       COLLECT { MATCH (b)-[:LOCATED_IN]->(a:Address) RETURN DISTINCT coalesce(a.value, a.name) } AS addresses,
       COLLECT { MATCH (b)-[:LOCATED_IN*1..3]->(l:Location) WHERE l.country_code IS NOT NULL
                 RETURN DISTINCT l.country_code } AS country_codes,
       b.doc_count AS doc_count
ORDER BY id
