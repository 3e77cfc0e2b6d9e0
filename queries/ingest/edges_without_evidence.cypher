// name: ingest/edges_without_evidence
// description: Audit: relationships (other than MENTIONED_IN provenance and POSSIBLY_SAME_AS candidates) that
// description: lack evidence — no document id and span, or evidence lists of different lengths. Should be 0.
// params: (none)
// returns: count, examples
// mode: read
MATCH (a)-[r]->(b)
WHERE NOT type(r) IN ['MENTIONED_IN', 'POSSIBLY_SAME_AS']
  AND (r.ev_doc_ids IS NULL OR size(r.ev_doc_ids) = 0 OR r.ev_starts IS NULL OR r.ev_ends IS NULL
       OR size(r.ev_starts) <> size(r.ev_doc_ids) OR size(r.ev_ends) <> size(r.ev_doc_ids)
       OR size(r.ev_snippets) <> size(r.ev_doc_ids) OR size(r.ev_confidences) <> size(r.ev_doc_ids)
       OR r.evidence_count <> size(r.ev_doc_ids))
RETURN count(r) AS count, collect(a.id + ' -[' + type(r) + ']-> ' + b.id)[..10] AS examples
