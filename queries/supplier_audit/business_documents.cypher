// name: supplier_audit/business_documents
// description: Documents naming a matched business (adverse-media context for the auditor): title, date, the
// description: document's trafficking types and indicators, and how the business is written there. Context
// description: only: being named in a document does not by itself make a supplier "exposed".
// params: business_id (string; e.g. "business:northgate haulage@leeds") — the matched business node id
// params: limit (int; default 10; e.g. 10) — maximum documents
// returns: doc_id, title, published, trafficking_types, indicators, texts
// mode: read
MATCH (b:Entity {id: $business_id})-[m:MENTIONED_IN]->(d:Document)
RETURN d.id AS doc_id, d.title AS title, toString(d.published) AS published,
       COLLECT { MATCH (d)-[:CLASSIFIED_AS]->(t:TraffickingType) RETURN DISTINCT t.id } AS trafficking_types,
       COLLECT { MATCH (d)-[:HAS_INDICATOR]->(i:Indicator) RETURN DISTINCT i.id } AS indicators,
       apoc.coll.toSet(coalesce(m.texts, [])) AS texts
ORDER BY size(trafficking_types) + size(indicators) DESC, published DESC, doc_id
LIMIT $limit
