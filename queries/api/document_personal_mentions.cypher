// name: api/document_personal_mentions
// description: API masking: the persons and identifiers mentioned in some documents, with the surface texts
// description: of their mentions, so their spans inside snippets and titles can be masked.
// params: doc_ids (list of document ids)
// returns: doc_id, id, kind, labels, texts, name, value, aliases
// mode: read
MATCH (e:Entity)-[m:MENTIONED_IN]->(d:Document)
WHERE d.id IN $doc_ids AND (e:Person OR e:Identifier)
RETURN d.id AS doc_id, e.id AS id, e.kind AS kind, labels(e) AS labels, coalesce(m.texts, []) AS texts,
       e.name AS name, e.value AS value, coalesce(e.aliases, []) AS aliases
