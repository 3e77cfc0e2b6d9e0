// name: platform/wipe_graph
// description: Delete every node and relationship, in batches (used by tests and `lantern reset`).
// params: (none)
// returns: nothing
// mode: autocommit
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
