// name: analysis/clear_results
// description: Remove the results of earlier analytics runs from every entity (before a new run writes its
// description: own), in batches.
// params: (none)
// returns: nothing
// mode: autocommit
MATCH (e:Entity)
WHERE e.analysis_run_id IS NOT NULL OR e.network_id IS NOT NULL OR e.risk_score IS NOT NULL
CALL (e) {
  REMOVE e.network_id, e.community_id, e.pagerank, e.betweenness, e.risk_score, e.risk_reasons,
         e.analysis_run_id, e.network_size
} IN TRANSACTIONS OF 5000 ROWS
