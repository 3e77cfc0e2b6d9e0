// name: demo/documents-of-a-phone
// description: The "safe passage" phone (planted network N1) across documents: an ad, a survivor's
// description: story, a financial investigation — and who else each document names.
// params: none (paste into Neo4j Browser)
// returns: document, kind, names
MATCH (p:Phone {value: '+447700900101'})-[:MENTIONED_IN]->(d:Document)
OPTIONAL MATCH (x:Entity)-[:MENTIONED_IN]->(d) WHERE x <> p AND (x:Person OR x:Organization OR x:Identifier)
RETURN d.title AS document, d.kind AS kind, collect(DISTINCT x.name) AS names
ORDER BY document;
