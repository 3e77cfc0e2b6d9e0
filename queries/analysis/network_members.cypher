// name: analysis/network_members
// description: Entities with the network / community written by the last analytics run (for summaries and
// description: the ground-truth evaluation).
// params: (none)
// returns: id, name, value, kind, network_id, community_id, pagerank, betweenness
// mode: read
MATCH (e:Entity)
WHERE e.network_id IS NOT NULL
RETURN e.id AS id, e.name AS name, e.value AS value, e.kind AS kind, e.network_id AS network_id,
       e.community_id AS community_id, e.pagerank AS pagerank, e.betweenness AS betweenness
ORDER BY network_id, id
