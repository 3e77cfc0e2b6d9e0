// name: demo/broker
// description: The document forger whose phone and e-mail appear in the files of two networks (N1 and N7):
// description: the people he is named with, and the documents.
// params: none
// returns: paths
MATCH p = (b:Person {name: 'Viktor Hrabar'})-[:MENTIONED_IN]->(:Document)<-[:MENTIONED_IN]-(x)
WHERE x:Person OR x:Identifier
RETURN p;
