// name: schema/drop_constraint
// description: Drop one constraint by name (tests and `lantern schema` maintenance; names come from SHOW CONSTRAINTS).
// params: constraint_name (string) — constraint name
// returns: nothing
// mode: autocommit
DROP CONSTRAINT $constraint_name IF EXISTS
