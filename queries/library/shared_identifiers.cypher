// name: library/shared_identifiers
// description: Identifiers and addresses shared by at least two entities of a set (people, businesses): the
// description: phones, emails, accounts and addresses that tie them together.
// params: ids (list; e.g. ["person:larysa bondar", "business:sonnenblume wellness"]) — entity ids (or exact names)
// returns: identifier, kind, users (names), user_ids, doc_ids
// mode: read
MATCH (e:Entity)
WHERE e.id IN $ids OR e.name IN $ids
MATCH (e)-[r:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|LOCATED_IN]->(x:Entity)
WHERE x:Identifier OR x:Address
WITH x, collect(DISTINCT e) AS users, apoc.coll.toSet(apoc.coll.flatten(collect(r.ev_doc_ids))) AS doc_ids
WHERE size(users) >= 2
RETURN coalesce(x.value, x.name) AS identifier, x.kind AS kind, [u IN users | u.name] AS users,
       [u IN users | u.id] AS user_ids, doc_ids
ORDER BY size(users) DESC, identifier
