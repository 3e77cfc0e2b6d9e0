// name: analysis/write_risk
// description: Write risk scores and the sentences that explain them (each sentence names its points).
// params: run_id (string), rows (list of maps: id, risk_score, risk_reasons)
// returns: written
// mode: write
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.risk_score = row.risk_score, e.risk_reasons = row.risk_reasons, e.analysis_run_id = $run_id
RETURN count(e) AS written
