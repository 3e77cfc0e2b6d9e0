// name: resolve/restore_entities
// description: Create or reset entity nodes to a recorded state: exactly these properties and labels.
// params: rows (list of maps: id, labels, props)
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
SET n:$(row.labels)
RETURN count(*) AS count
