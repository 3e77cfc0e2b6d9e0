// name: ingest/remove_document_mentions
// description: Delete the MENTIONED_IN provenance links into these documents; returns the entities they touched
// description: (to delete the ones left without any mention and refresh the others).
// params: doc_ids (list of document ids)
// returns: entity_ids
// mode: write
MATCH (d:Document)<-[m:MENTIONED_IN]-(e:Entity)
WHERE d.id IN $doc_ids
DELETE m
RETURN collect(DISTINCT e.id) AS entity_ids
