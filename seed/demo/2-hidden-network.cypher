// name: demo/hidden-network
// description: Follow shared identifiers, people and organisations from document to document, starting at the
// description: N1 phone: the network no single document shows (drag the result around in Neo4j Browser).
// params: none
// returns: paths
MATCH p = (:Phone {value: '+447700900101'})-[:MENTIONED_IN]->(:Document)<-[:MENTIONED_IN]-(x)
          -[:MENTIONED_IN]->(:Document)<-[:MENTIONED_IN]-(y)-[:MENTIONED_IN]->(:Document)
WHERE (x:Identifier OR x:Person OR x:Organization) AND (y:Identifier OR y:Person OR y:Organization)
RETURN p LIMIT 150;
