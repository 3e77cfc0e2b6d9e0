// name: gdpr/set_document_texts
// description: GDPR: replace document texts with their redacted form (masked spans keep their length, so
// description: every stored offset still points at the same place) and record when and why.
// params: rows (list of maps: id, text, reason)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.text = row.text, d.redacted_at = datetime(), d.redactions = coalesce(d.redactions, []) + [row.reason]
RETURN count(*) AS count
