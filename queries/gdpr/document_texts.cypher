// name: gdpr/document_texts
// description: GDPR retention: the texts of documents whose personal spans are being redacted.
// params: ids (list of document ids)
// returns: id, text
// mode: read
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id, d.text AS text
