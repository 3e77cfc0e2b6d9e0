// name: schema/merge_typology
// description: Create (MERGE) the ontology's TraffickingType, Indicator and Role individuals with name and
// description: description, so CLASSIFIED_AS / HAS_INDICATOR / HAS_ROLE edges have targets. Labels are validated
// description: against the ontology in ontology/schema.py before they reach the dynamic label.
// params: rows (list of maps: label, id, name, description, iri, htcds)
// returns: created (nodes that did not exist before), total
// mode: write
UNWIND $rows AS row
OPTIONAL MATCH (existing:$(row.label) {id: row.id})
WITH row, existing IS NULL AS is_new
MERGE (n:$(row.label) {id: row.id})
SET n.name = row.name, n.description = row.description, n.iri = row.iri, n.htcds = row.htcds
RETURN sum(CASE WHEN is_new THEN 1 ELSE 0 END) AS created, count(*) AS total
