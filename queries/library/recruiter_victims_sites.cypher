// name: library/recruiter_victims_sites
// description: Recruiter → recruited persons → where they were exploited, with the evidence of both steps.
// description: Leave recruiter empty ("") to list every recruiter in the graph.
// params: recruiter (string; default ""; e.g. "") — recruiter id or exact name, "" for all
// params: limit (int; default 100; e.g. 100) — maximum rows
// returns: recruiter, victim, site, site_kind, recruited_evidence, exploited_evidence, doc_ids
// mode: read
MATCH (r:Entity)-[rec:RECRUITED]->(v:Person)
WHERE $recruiter = '' OR r.id = $recruiter OR toLower(r.name) = toLower($recruiter)
OPTIONAL MATCH (v)-[ex:EXPLOITED_AT]->(site:Entity)
RETURN r.name AS recruiter, r.id AS recruiter_id, v.name AS victim, site.name AS site, site.kind AS site_kind,
       coalesce(rec.ev_snippets[0], '') AS recruited_evidence, coalesce(ex.ev_snippets[0], '') AS exploited_evidence,
       rec.ev_doc_ids + coalesce(ex.ev_doc_ids, []) AS doc_ids
ORDER BY recruiter, victim, site
LIMIT $limit
