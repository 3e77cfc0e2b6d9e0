// name: resolve/set_merge_state
// description: Survivor of a merge: add the absorbed nodes' labels, aliases, merged ids and the merge record.
// params: id, labels (list), aliases (list), merged_ids (list), merge_ids (list), merge_log (list of JSON strings)
// returns: count
// mode: write
MATCH (n:Entity {id: $id})
SET n:$($labels), n.aliases = $aliases, n.merged_ids = $merged_ids, n.merge_ids = $merge_ids,
    n.merge_log = $merge_log
RETURN count(n) AS count
