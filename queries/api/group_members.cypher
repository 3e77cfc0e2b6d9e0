// name: api/group_members
// description: API `network` / `community`: members of a network (network_id) or community (community_id),
// description: key players first (PageRank, then betweenness), with the group size.
// params: prop (string; "network_id" or "community_id", validated by the API), group_id (int), offset (int), limit (int)
// returns: size, members (list of node maps + labels)
// mode: read
MATCH (e:Entity) WHERE e[$prop] = $group_id
WITH e ORDER BY coalesce(e.pagerank, 0) DESC, coalesce(e.betweenness, 0) DESC, e.id
WITH collect(e) AS all_members
RETURN size(all_members) AS size,
       [m IN all_members[$offset..($offset + $limit)] | m {.*, labels: labels(m)}] AS members
