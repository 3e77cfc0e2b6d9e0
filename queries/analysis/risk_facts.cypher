// name: analysis/risk_facts
// description: The facts a risk score is built from, per person / organisation (other ids are skipped): documents with
// description: indicators, trafficking roles, typed acts against other persons, and victim records.
// params: ids (list of entity ids)
// returns: id, name, kind, indicator_docs, indicators, roles (list of role ids),
// returns: role_evidence (list of maps: role, evidence = up to 2 sentences of the HAS_ROLE edge),
// returns: acts (list of maps: type, count, evidence = one sentence),
// returns: victim_links (count of RECRUITED/TRANSPORTED/CONTROLLED edges pointing at the entity)
// mode: read
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})
WHERE e:Person OR e:Organization
OPTIONAL MATCH (e)-[:MENTIONED_IN]->(d:Document)-[:HAS_INDICATOR]->(i:Indicator)
WITH e, count(DISTINCT d) AS indicator_docs, collect(DISTINCT i.id) AS indicators
OPTIONAL MATCH (e)-[hr:HAS_ROLE]->(role:Role)
WITH e, indicator_docs, indicators, collect(DISTINCT role.id) AS roles,
     collect(CASE WHEN role IS NOT NULL THEN {role: role.id, evidence: coalesce(hr.ev_snippets, [])[0..2]} END)
       AS role_evidence
CALL (e) {
  OPTIONAL MATCH (e)-[a:RECRUITED|TRANSPORTED|CONTROLLED]->()
  WITH type(a) AS t, count(a) AS n, collect(coalesce(a.ev_snippets, [])[0]) AS ev WHERE t IS NOT NULL
  RETURN collect({type: t, count: n, evidence: head(ev)}) AS acts
}
RETURN e.id AS id, e.name AS name, e.kind AS kind, indicator_docs, indicators, roles, role_evidence, acts,
       COUNT { (e)<-[:RECRUITED|TRANSPORTED|CONTROLLED]-() } AS victim_links
