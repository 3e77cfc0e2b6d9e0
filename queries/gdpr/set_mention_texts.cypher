// name: gdpr/set_mention_texts
// description: GDPR: replace the span texts on MENTIONED_IN relationships of documents being redacted.
// params: rows (list of maps: entity, doc, texts)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (:Entity {id: row.entity})-[m:MENTIONED_IN]->(:Document {id: row.doc})
SET m.texts = row.texts
RETURN count(*) AS count
