// name: api/neighbourhood
// description: API `neighbourhood`: the subgraph up to $depth hops around an entity over the given
// description: relationship types (validated against the ontology by the API), ready for a link chart.
// params: id (string; entity id), depth (int 1..3), rel_filter (string; "TYPE1|TYPE2", validated),
// params: limit (int; maximum nodes), ev_limit (int; evidence items per edge)
// returns: nodes (list of node maps + labels), edges (list of {id, type, source, target, confidence,
// returns: doc_count, evidence_count, evidence: [{doc_id, start, end, snippet, confidence}]}),
// returns: mentions (persons/identifiers mentioned in the evidence documents, for masking snippets)
// mode: read
MATCH (e:Entity {id: $id})
CALL apoc.path.subgraphAll(e, {maxLevel: $depth, relationshipFilter: $rel_filter, limit: $limit})
YIELD nodes, relationships
WITH nodes, [r IN relationships | {id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id,
          confidence: r.confidence, doc_count: r.doc_count, evidence_count: r.evidence_count,
          score: r.score, reason: r.reason,
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
RETURN [n IN nodes | n {.*, labels: labels(n)}] AS nodes, edges, mentions
