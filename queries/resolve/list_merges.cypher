// name: resolve/list_merges
// description: Every merged entity with its merge records (who, when, why, which ids), newest first.
// params: limit (int)
// returns: id, name, merge_log
// mode: read
MATCH (n:Entity) WHERE n['merge_log'] IS NOT NULL AND size(n['merge_log']) > 0
RETURN n.id AS id, n.name AS name, n['merge_log'] AS merge_log
ORDER BY n['merge_log'][-1] DESC
LIMIT $limit
