// name: analysis/risk_ranking
// description: Every scored person / organisation by risk score (highest first), for ranking planted key players.
// params: (none)
// returns: id, name, score, reasons
// mode: read
MATCH (e:Entity)
WHERE e.risk_score IS NOT NULL
RETURN e.id AS id, e.name AS name, e.risk_score AS score, coalesce(e.risk_reasons, []) AS reasons
ORDER BY score DESC, id
