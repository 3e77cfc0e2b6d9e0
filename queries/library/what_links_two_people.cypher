// name: library/what_links_two_people
// description: What links two people (or any two entities): all shortest paths over typed relationships
// description: (never over documents, countries, regions or cities), with the evidence snippet of every hop.
// params: a (string; e.g. "person:oleh kravets") — first entity: its id or its exact name
// params: b (string; e.g. "person:iryna tkachuk") — second entity: its id or its exact name
// params: max_hops (int; default 4; e.g. 4) — longest path to consider (at most 6)
// returns: hops, path (names), kinds, hop_types, evidence (per hop: type, from, to, snippet, doc_ids)
// mode: read
MATCH (a:Entity) WHERE a.id = $a OR toLower(a.name) = toLower($a)
MATCH (b:Entity) WHERE (b.id = $b OR toLower(b.name) = toLower($b)) AND b <> a
MATCH p = allShortestPaths((a)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|RECRUITED_IN|TRANSPORTED|TRANSPORTED_FROM|TRANSPORTED_TO|TRANSPORTED_VIA|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED*..6]-(b))
WHERE length(p) <= $max_hops
  AND all(n IN nodes(p)[1..-1] WHERE NOT (n:Country OR n:Region OR n:City))
RETURN length(p) AS hops,
       [n IN nodes(p) | n.name] AS path,
       [n IN nodes(p) | n.kind] AS kinds,
       [r IN relationships(p) | type(r)] AS hop_types,
       [r IN relationships(p) | {type: type(r), from: startNode(r).name, to: endNode(r).name,
         snippet: coalesce(r.ev_snippets[0], ''), doc_ids: r.ev_doc_ids}] AS evidence
ORDER BY hops
LIMIT 25
