// name: gdpr/delete_entities
// description: GDPR erasure: delete identifier nodes with all their relationships (resolution candidates,
// description: provenance, facts); the full-text index `entity_search` drops them with the node.
// params: ids (list of entity ids)
// returns: deleted, relationships
// mode: write
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n, COUNT { (n)--() } AS rels
DETACH DELETE n
RETURN count(*) AS deleted, sum(rels) AS relationships
