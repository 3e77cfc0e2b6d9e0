// name: gdpr/expired_documents
// description: GDPR retention: documents ingested before a cut-off, with their source (rules match on it).
// params: before (ISO date-time string)
// returns: id, source, ingested_at, redacted (already redacted by retention)
// mode: read
MATCH (d:Document)
WHERE d.ingested_at < datetime($before)
RETURN d.id AS id, coalesce(d.source, '') AS source, toString(d.ingested_at) AS ingested_at,
       'retention' IN coalesce(d.redactions, []) AS redacted
ORDER BY d.ingested_at, d.id
