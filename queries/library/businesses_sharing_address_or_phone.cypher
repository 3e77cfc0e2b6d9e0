// name: library/businesses_sharing_address_or_phone
// description: Businesses that share an address, phone, email, website or payment account with another
// description: business: a classic sign of front companies run by the same people.
// params: min_businesses (int; default 2; e.g. 2) — how many businesses must share the identifier
// params: limit (int; default 50; e.g. 50) — maximum rows
// returns: shared (the address or identifier), shared_kind, businesses (names), business_ids, fronts (count of FrontBusiness)
// mode: read
MATCH (b:Business)-[:LOCATED_IN|USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_ACCOUNT]->(x:Entity)
WHERE x:Address OR x:Identifier
WITH x, collect(DISTINCT b) AS businesses
WHERE size(businesses) >= $min_businesses
RETURN coalesce(x.value, x.name) AS shared, x.kind AS shared_kind,
       [b IN businesses | b.name] AS businesses, [b IN businesses | b.id] AS business_ids,
       size([b IN businesses WHERE b:FrontBusiness]) AS fronts
ORDER BY size(businesses) DESC, shared
LIMIT $limit
