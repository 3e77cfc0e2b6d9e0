// name: resolve/find_merge
// description: The entity that holds a merge record (by merge id), with its merge log.
// params: merge_id (string)
// returns: id, merge_ids, merge_log
// mode: read
MATCH (n:Entity) WHERE $merge_id IN n['merge_ids']
RETURN n.id AS id, n['merge_ids'] AS merge_ids, n['merge_log'] AS merge_log
