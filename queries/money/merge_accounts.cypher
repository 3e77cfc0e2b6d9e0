// name: money/merge_accounts
// description: Upsert payment-account entities keyed on their resolution id (`account:<normalised value>`,
// description: the key documents give the same account), adding the ontology labels of their class.
// description: A node that already exists (e.g. an account a document named) keeps its name and kind.
// params: rows (list of maps: id, value, kind, labels, variants)
// returns: count
// mode: write
UNWIND $rows AS row
MERGE (a:Entity {id: row.id})
ON CREATE SET a.name = row.value, a.value = row.value, a.kind = row.kind, a.variants = row.variants
SET a:$(row.labels)
RETURN count(*) AS count
