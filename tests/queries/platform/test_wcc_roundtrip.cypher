// name: platform/test_wcc_roundtrip
// description: Platform self-test: project PlatformCheck nodes, run WCC, drop the projection.
// params: graph (projection name)
// returns: nodes, components
// mode: write
MATCH (a:PlatformCheck)
OPTIONAL MATCH (a)-[:LINKS]->(b:PlatformCheck)
WITH gds.graph.project($graph, a, b) AS g
CALL gds.wcc.stats($graph) YIELD componentCount
CALL gds.graph.drop($graph) YIELD graphName
RETURN g.nodeCount AS nodes, componentCount AS components
