// name: money/merge_record
// description: Upsert the transaction-record document a CSV import reads from (the evidence each transfer
// description: names): id, title, source (partner or case), file name, content hash, rows read.
// params: id (string), labels (list of ontology labels), title, source, file, sha256, rows (int), imported_at (ISO text)
// returns: count
// mode: write
MERGE (d:Document {id: $id})
SET d:$($labels), d.title = $title, d.source = $source, d.file = $file, d.sha256 = $sha256,
    d.rows = $rows, d.kind = last($labels),
    d.imported_at = CASE WHEN d.imported_at IS NULL THEN datetime($imported_at) ELSE d.imported_at END,
    d.reimported_at = CASE WHEN d.imported_at IS NULL THEN null ELSE datetime($imported_at) END
RETURN count(*) AS count
