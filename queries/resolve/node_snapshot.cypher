// name: resolve/node_snapshot
// description: Everything needed to restore entities after a merge: labels, properties and every relationship
// description: (direction, type, other end id, properties).
// params: ids (list of entity ids)
// returns: id, labels, props, rels (list of maps: dir, type, other, props)
// mode: read
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props,
       COLLECT { MATCH (n)-[r]->(o) RETURN {dir: 'out', type: type(r), other: o.id, props: properties(r)} } +
       COLLECT { MATCH (n)<-[r]-(o) WHERE o <> n RETURN {dir: 'in', type: type(r), other: o.id, props: properties(r)} }
       AS rels
