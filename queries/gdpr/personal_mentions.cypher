// name: gdpr/personal_mentions
// description: GDPR retention: the mentions of personal-data entities (people, phones, e-mails ...) in documents.
// params: doc_ids (list of document ids), kinds (list of personal-data classes, from the ontology)
// returns: entity, doc, starts, ends, texts
// mode: read
MATCH (n:Entity)-[m:MENTIONED_IN]->(d:Document)
WHERE d.id IN $doc_ids AND any(l IN labels(n) WHERE l IN $kinds)
RETURN n.id AS entity, d.id AS doc, m.starts AS starts, m.ends AS ends, m.texts AS texts
