// name: api/paths
// description: API `paths`: all shortest paths between two entities over typed relationships (never through
// description: documents, countries, regions or cities), with the evidence of every hop. POSSIBLY_SAME_AS
// description: (resolution candidates, not yet a person's decision) only when include_candidates is true.
// params: source (string; entity id), target (string; entity id), max_hops (int 1..6), limit (int), ev_limit (int),
// params: include_candidates (bool)
// returns: hops, nodes (list of node maps + labels), edges (list of edge maps with evidence),
// returns: mentions (persons/identifiers mentioned in the evidence documents, for masking snippets)
// mode: read
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target}) WHERE b <> a
MATCH p = allShortestPaths((a)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|RECRUITED_IN|TRANSPORTED|TRANSPORTED_FROM|TRANSPORTED_TO|TRANSPORTED_VIA|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED|POSSIBLY_SAME_AS*..6]-(b))
WHERE length(p) <= $max_hops
  AND all(r IN relationships(p) WHERE $include_candidates OR type(r) <> 'POSSIBLY_SAME_AS')
  AND all(n IN nodes(p)[1..-1] WHERE NOT (n:Country OR n:Region OR n:City))
WITH p LIMIT $limit
WITH p, [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id,
          confidence: r.confidence, score: r.score, reason: r.reason, doc_count: r.doc_count, evidence_count: r.evidence_count,
          evidence: [i IN range(0, CASE WHEN size(coalesce(r.ev_doc_ids, [])) < $ev_limit
                                        THEN size(coalesce(r.ev_doc_ids, [])) ELSE $ev_limit END - 1) |
             {doc_id: r.ev_doc_ids[i], start: r.ev_starts[i], end: r.ev_ends[i], snippet: r.ev_snippets[i],
              confidence: r.ev_confidences[i]}]}] AS edges
CALL (edges) {
  UNWIND edges AS edge
  UNWIND edge.evidence AS ev
  WITH DISTINCT ev.doc_id AS doc_id
  MATCH (pe:Entity)-[m:MENTIONED_IN]->(d:Document {id: doc_id})
  WHERE pe:Person OR pe:Identifier
  RETURN collect({doc_id: doc_id, id: pe.id, kind: pe.kind, labels: labels(pe), texts: coalesce(m.texts, []),
                  name: pe.name, value: pe.value, aliases: coalesce(pe.aliases, [])}) AS mentions
}
RETURN length(p) AS hops, [n IN nodes(p) | n {.*, labels: labels(n)}] AS nodes, edges, mentions
ORDER BY hops
