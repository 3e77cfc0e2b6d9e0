// name: api/business_documents
// description: API `businessExposure`: documents mentioning the business that are classified as trafficking,
// description: describe an incident or show indicators.
// params: id (string; business id), limit (int)
// returns: doc_id, title, published, trafficking_types, incidents, indicators
// mode: read
MATCH (b:Entity {id: $id})-[:MENTIONED_IN]->(d:Document)
OPTIONAL MATCH (d)-[:CLASSIFIED_AS]->(t:TraffickingType)
OPTIONAL MATCH (d)-[:PART_OF_INCIDENT]->(i:Incident)
OPTIONAL MATCH (d)-[:HAS_INDICATOR]->(ind:Indicator)
WITH d, collect(DISTINCT t.id) AS trafficking_types, collect(DISTINCT i.id) AS incidents,
     collect(DISTINCT ind.id) AS indicators
WHERE size(trafficking_types) > 0 OR size(incidents) > 0 OR size(indicators) > 0
RETURN d.id AS doc_id, d.title AS title, toString(d.published) AS published, trafficking_types, incidents, indicators
ORDER BY published DESC, doc_id
LIMIT $limit
