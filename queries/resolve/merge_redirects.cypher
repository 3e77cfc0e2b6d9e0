// name: resolve/merge_redirects
// description: Keys absorbed by merges and the entity they now belong to (ingest maps new mentions to it).
// params: (none)
// returns: id, merged_ids
// mode: read
MATCH (n:Entity) WHERE n['merged_ids'] IS NOT NULL AND size(n['merged_ids']) > 0
RETURN n.id AS id, n['merged_ids'] AS merged_ids
