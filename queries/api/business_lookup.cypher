// name: api/business_lookup
// description: API `businessExposure`: find the organisation by id or by exact (case-insensitive) name or alias.
// params: id (string; "" when searching by name), business_name (string; "" when searching by id)
// returns: entity (node map + labels)
// mode: read
MATCH (b:Organization)
WHERE ($id <> '' AND b.id = $id)
   OR ($business_name <> '' AND (toLower(b.name) = toLower($business_name) OR any(a IN coalesce(b.aliases, []) WHERE toLower(a) = toLower($business_name))))
RETURN b {.*, labels: labels(b)} AS entity
ORDER BY coalesce(b.doc_count, 0) DESC, b.id
LIMIT 1
