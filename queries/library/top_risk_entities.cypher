// name: library/top_risk_entities
// description: Highest-risk entities from the last analytics run, with the reasons (sentences) behind each score.
// params: kind (string; default ""; e.g. "Person") — restrict to one kind, "" for all
// params: limit (int; default 20; e.g. 20) — maximum rows
// returns: id, name, kind, risk_score, risk_reasons, network_id, community_id, analysis_run_id
// mode: read
MATCH (e:Entity)
WHERE e.risk_score IS NOT NULL AND ($kind = '' OR e.kind = $kind)
RETURN e.id AS id, e.name AS name, e.kind AS kind, e.risk_score AS risk_score, e.risk_reasons AS risk_reasons,
       e.network_id AS network_id, e.community_id AS community_id, e.analysis_run_id AS analysis_run_id
ORDER BY risk_score DESC, name
LIMIT $limit
