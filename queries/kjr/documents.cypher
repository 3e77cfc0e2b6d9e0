// name: kjr/documents
// description: Key Judgement Report from the graph: dated documents published in [since, until] in the
// description: extraction-contract shape the report reads (entities with their mention spans), with the
// description: community / network id the last analytics run gave each mentioned entity.
// params: since (ISO date string), until (ISO date string), limit (int: most recent documents kept)
// returns: id, published (ISO date), title, text, entities (list of maps: id, kind, labels, value, starts,
// returns: ends, community_id, network_id, country_code), trafficking_types (list of ids), indicators (list of ids)
// mode: read
MATCH (d:Document)
WHERE d.published IS NOT NULL AND date(d.published) >= date($since) AND date(d.published) <= date($until)
WITH d ORDER BY date(d.published) DESC, d.id LIMIT $limit
RETURN d.id AS id, toString(date(d.published)) AS published, d.title AS title, coalesce(d.text, '') AS text,
       [(e:Entity)-[m:MENTIONED_IN]->(d) | {id: e.id, kind: e.kind, labels: labels(e),
         value: coalesce(e.name, e.value, e.id), starts: coalesce(m.starts, []), ends: coalesce(m.ends, []),
         community_id: e.community_id, network_id: e.network_id, country_code: e.country_code}] AS entities,
       [(d)-[:CLASSIFIED_AS]->(t) | t.id] AS trafficking_types,
       [(d)-[:HAS_INDICATOR]->(i) | i.id] AS indicators
ORDER BY published, id
