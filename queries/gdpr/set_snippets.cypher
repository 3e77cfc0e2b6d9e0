// name: gdpr/set_snippets
// description: GDPR: replace the evidence snippets of relationships (values erased or redacted, same length).
// params: rows (list of maps: eid, snippets)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.eid
SET r.ev_snippets = row.snippets
RETURN count(*) AS count
