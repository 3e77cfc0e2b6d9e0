// name: demo/broker
// description: The document forger whose phone and email link two networks (N1 and N7).
// params: none
// returns: the broker's neighbourhood
MATCH (b:Person {value: 'Viktor Hrabar'})-[r]-(x)
WHERE type(r) <> 'MENTIONED_IN'
RETURN b, r, x;
