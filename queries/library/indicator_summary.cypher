// name: library/indicator_summary
// description: How often each indicator of trafficking is seen, in how many documents, split by the documents'
// description: trafficking types — a quick picture of the methods of control in the corpus.
// params: min_documents (int; default 1; e.g. 1) — hide indicators seen in fewer documents
// returns: indicator, documents, trafficking_types (type: document count)
// mode: read
MATCH (d:Document)-[:HAS_INDICATOR]->(i:Indicator)
OPTIONAL MATCH (d)-[:CLASSIFIED_AS]->(t:TraffickingType)
WITH i, t, count(DISTINCT d) AS n
WITH i, collect(CASE WHEN t IS NULL THEN null ELSE t.id + ': ' + toString(n) END) AS by_type
MATCH (d2:Document)-[:HAS_INDICATOR]->(i)
WITH i, by_type, count(DISTINCT d2) AS documents
WHERE documents >= $min_documents
RETURN i.id AS indicator, documents, by_type AS trafficking_types
ORDER BY documents DESC, indicator
