// name: demo/network-of-a-phone
// description: Everything the analytics put in the same network as the N1 phone (typed relations only,
// description: so this grows as extraction finds more relations).
// params: none
// returns: kind, name, network_id
MATCH (p:Phone {value: '+447700900101'})
MATCH (n:Entity) WHERE n.network_id = p.network_id
RETURN n.kind AS kind, n.name AS name, n.network_id AS network_id
ORDER BY kind, name;
