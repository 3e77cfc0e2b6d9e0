// name: gdpr/set_reasons
// description: GDPR erasure: replace entities' analysis reasons with their masked form.
// params: rows (list of maps: id, reasons)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.risk_reasons = row.reasons
RETURN count(*) AS count
