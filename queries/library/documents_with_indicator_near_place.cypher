// name: library/documents_with_indicator_near_place
// description: Documents that show an indicator (e.g. DebtBondage) and mention a place or anything located in
// description: it (one LOCATED_IN step): "debt bondage near Leeds".
// params: indicator (string; e.g. "ExcessiveHours") — Indicator id (DebtBondage, DocumentConfiscation, ...)
// params: place (string; e.g. "Wisbech") — place name or id
// params: limit (int; default 50; e.g. 50) — maximum rows
// returns: doc_id, title, published, places (mentioned places in or at the place), trafficking_types
// mode: read
MATCH (pl:Location) WHERE pl.id = $place OR toLower(pl.name) = toLower($place)
MATCH (d:Document)-[:HAS_INDICATOR]->(:Indicator {id: $indicator})
MATCH (near:Location)-[:MENTIONED_IN]->(d)
WHERE near = pl OR (near)-[:LOCATED_IN]->(pl)
OPTIONAL MATCH (d)-[:CLASSIFIED_AS]->(tt:TraffickingType)
RETURN d.id AS doc_id, d.title AS title, toString(d.published) AS published,
       collect(DISTINCT near.name) AS places, collect(DISTINCT tt.id) AS trafficking_types
ORDER BY published DESC, doc_id
LIMIT $limit
