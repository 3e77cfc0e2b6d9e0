// name: demo/hidden-network
// description: Follow shared identifiers from document to document, starting at the N1 phone: the
// description: network no single document shows (drag the result around in Neo4j Browser).
// params: none
// returns: paths
MATCH p = (:Phone {value: '+447700900101'})-[:MENTIONED_IN]->(:Document)<-[:MENTIONED_IN]-(:Identifier)
          -[:MENTIONED_IN]->(:Document)<-[:MENTIONED_IN]-(:Identifier)-[:MENTIONED_IN]->(:Document)
RETURN p LIMIT 150;
