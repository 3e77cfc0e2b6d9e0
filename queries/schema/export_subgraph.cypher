// name: schema/export_subgraph
// description: Nodes whose key `id` is in $ids, and every relationship between two of them, for
// description: `lantern export --query` (the ids come from a library query's rows and their evidence).
// params: ids (list of strings) — node ids (entities, documents, typology individuals)
// returns: nodes (list of maps: eid, labels, props), relationships (list of maps: type, source, target, props)
// mode: read
MATCH (n) WHERE n.id IN $ids
WITH collect(n) AS ns
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r]->(b) WHERE b IN ns
  RETURN collect({type: type(r), source: elementId(a), target: elementId(b), props: properties(r)}) AS relationships
}
RETURN [n IN ns | {eid: elementId(n), labels: labels(n), props: properties(n)}] AS nodes, relationships
