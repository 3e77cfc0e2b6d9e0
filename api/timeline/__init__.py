"""GraphQL `timeline(entityId, from, to)`: dated documents, sighting reports and alerts of an entity and its
direct neighbours, oldest first (documents from the graph, alerts from the state store)."""
