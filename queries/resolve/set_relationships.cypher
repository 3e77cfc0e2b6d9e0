// name: resolve/set_relationships
// description: Write relationships with exactly the given properties (merge/split). Ends are matched by id among
// description: entities, documents and roles; the type was validated against the ontology before.
// params: rows (list of maps: src, type, dst, props)
// returns: count
// mode: write
UNWIND $rows AS row
OPTIONAL MATCH (ea:Entity {id: row.src})
OPTIONAL MATCH (eb:Entity {id: row.dst})
OPTIONAL MATCH (db:Document {id: row.dst})
OPTIONAL MATCH (rb:Role {id: row.dst})
OPTIONAL MATCH (da:Document {id: row.src})
WITH row, coalesce(ea, da) AS a, coalesce(eb, db, rb) AS b
WHERE a IS NOT NULL AND b IS NOT NULL
MERGE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(*) AS count
