// name: screening/graph_version
// description: A cheap fingerprint of the graph for the screening caches (identifier set, person names, the
// description: PSI setup): entity and relationship counts (from the count store) and the latest analysis run.
// description: Any ingest, merge, split or deletion changes it; the caches rebuild when it does.
// params: (none)
// returns: entities, relationships, latest_run
// mode: read
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { OPTIONAL MATCH (a:AnalysisRun) RETURN max(a.started_at) AS latest_run }
RETURN entities, relationships, latest_run
