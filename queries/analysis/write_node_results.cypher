// name: analysis/write_node_results
// description: Write network, community and centrality results back to the entities, with the run id.
// params: run_id (string), rows (list of maps: id, network_id, network_size, community_id, pagerank, betweenness)
// returns: written
// mode: write
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.network_id = row.network_id, e.network_size = row.network_size, e.community_id = row.community_id,
    e.pagerank = row.pagerank, e.betweenness = row.betweenness, e.analysis_run_id = $run_id
RETURN count(e) AS written
