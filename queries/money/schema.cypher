// name: money/schema
// description: Indexes for transfers (relationship range indexes on id, for the MERGE keyed on it and the
// description: id look-up before a write; on date, for windows). Run by `lantern money import` before writing.
// params: none
// returns: nothing
// mode: schema
CREATE INDEX transfer_id IF NOT EXISTS FOR ()-[t:TRANSFERRED_TO]-() ON (t.id);
CREATE INDEX transfer_date IF NOT EXISTS FOR ()-[t:TRANSFERRED_TO]-() ON (t.date)
