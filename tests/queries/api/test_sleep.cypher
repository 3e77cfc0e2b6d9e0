// name: api/test_sleep
// description: Test helper: sleeps server-side, to prove the API's Cypher timeout aborts long queries.
// params: ms (int; milliseconds)
// returns: done
// mode: read
CALL apoc.util.sleep($ms)
RETURN 1 AS done
