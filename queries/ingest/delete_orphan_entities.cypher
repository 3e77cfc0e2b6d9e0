// name: ingest/delete_orphan_entities
// description: Delete the given entities that no document mentions any more (with their remaining edges,
// description: e.g. POSSIBLY_SAME_AS candidates).
// params: ids (list of entity ids to check)
// returns: deleted (list of deleted entity ids)
// mode: write
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (e)-[:MENTIONED_IN]->(:Document) }
WITH e, e.id AS gone
DETACH DELETE e
RETURN collect(gone) AS deleted
