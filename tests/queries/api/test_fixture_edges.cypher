// name: api/test_fixture_edges
// description: Test fixture: create relationships (with evidence lists) between nodes identified by id.
// params: rows (list of {source, target, type, props: {..}})
// returns: created
// mode: write
UNWIND $rows AS row
MATCH (a {id: row.source}), (b {id: row.target})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
