// name: api/business_lookup
// description: API `businessExposure`: find the organisation by id or by exact (case-insensitive) name or alias.
// params: id (string; "" when searching by name), name (string; "" when searching by id)
// returns: entity (node map + labels)
// mode: read
MATCH (b:Organization)
WHERE ($id <> '' AND b.id = $id)
   OR ($name <> '' AND (toLower(b.name) = toLower($name) OR any(a IN coalesce(b.aliases, []) WHERE toLower(a) = toLower($name))))
RETURN b {.*, labels: labels(b)} AS entity
ORDER BY coalesce(b.doc_count, 0) DESC, b.id
LIMIT 1
