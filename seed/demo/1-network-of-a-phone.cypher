// name: demo/network-of-a-phone
// description: Everything in the same network as the phone from the "safe passage" ads (planted network N1).
// params: none (paste into Neo4j Browser)
// returns: kind, name, network_id
MATCH (p:Phone {value: '+447700900101'})
MATCH (n:Entity) WHERE n.network_id = p.network_id
RETURN n.kind AS kind, n.name AS name, n.network_id AS network_id
ORDER BY kind, name;
