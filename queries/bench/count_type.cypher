// name: bench/count_type
// description: Benchmark bookkeeping: how many relationships of one type exist.
// params: type (string; a relationship type)
// returns: n
// mode: read
MATCH ()-[r]->() WHERE type(r) = $type RETURN count(r) AS n
