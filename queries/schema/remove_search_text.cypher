// name: schema/remove_search_text
// description: Migration (run by `lantern schema apply` when it replaces an `entity_search` index declared over the
// description: old derived `search_text`): remove that property, a concatenated copy of name, value, variants and
// description: aliases the index no longer reads, so exports and backups stop carrying a stale duplicate.
// params: (none)
// returns: nothing
// mode: autocommit
MATCH (n:Entity) WHERE n.search_text IS NOT NULL
CALL (n) { REMOVE n.search_text } IN TRANSACTIONS OF 5000 ROWS
