// name: schema/await_indexes
// description: Wait (up to 300 s) until every index is online, so queries after `schema apply` use them.
// params: (none)
// returns: nothing
// mode: autocommit
CALL db.awaitIndexes(300)
