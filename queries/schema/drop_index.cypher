// name: schema/drop_index
// description: Drop one index by name (tests and maintenance; names come from SHOW INDEXES).
// params: index_name (string) — index name
// returns: nothing
// mode: autocommit
DROP INDEX $index_name IF EXISTS
