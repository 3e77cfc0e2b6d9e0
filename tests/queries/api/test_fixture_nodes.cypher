// name: api/test_fixture_nodes
// description: Test fixture: create nodes in the graph-model shape (labels from the ontology, validated by the test).
// params: rows (list of {labels: [..], props: {..}})
// returns: created
// mode: write
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
RETURN count(n) AS created
