// name: library/edge_evidence
// description: The evidence behind an edge: every (document, span, snippet, confidence) item that supports the
// description: relationship(s) between two entities, one row per evidence item, newest document first.
// params: source (string; e.g. "person:larysa bondar") — one end: id or exact name
// params: target (string; e.g. "phone:+447700900101") — other end: id or exact name
// params: type (string; default ""; e.g. "USES_PHONE") — relationship type, "" for any
// returns: type, from, to, doc_id, title, published, start, end, snippet, confidence
// mode: read
MATCH (s:Entity) WHERE s.id = $source OR toLower(s.name) = toLower($source)
MATCH (t:Entity) WHERE t.id = $target OR toLower(t.name) = toLower($target)
MATCH (s)-[r]-(t)
WHERE r.ev_doc_ids IS NOT NULL AND ($type = '' OR type(r) = $type)
UNWIND range(0, size(r.ev_doc_ids) - 1) AS i
OPTIONAL MATCH (d:Document {id: r.ev_doc_ids[i]})
RETURN type(r) AS type, startNode(r).name AS from, endNode(r).name AS to, r.ev_doc_ids[i] AS doc_id,
       d.title AS title, toString(d.published) AS published, r.ev_starts[i] AS start, r.ev_ends[i] AS end,
       r.ev_snippets[i] AS snippet, r.ev_confidences[i] AS confidence
ORDER BY published DESC, doc_id
