// name: library/phone_network
// description: Phone network of a number: who uses it, what else each holder uses (phones, emails,
// description: accounts, addresses) and who else shares those identifiers. The core "follow the number" query.
// params: phone (string; e.g. "+447700900101") — the number, E.164 (as stored) or the node id phone:+44...
// params: limit (int; default 50; e.g. 50) — maximum rows
// returns: phone, holder, holder_kind, holder_id, other_identifier, other_kind, shared_with (names), doc_ids
// mode: read
MATCH (p:Phone)
WHERE p.value = $phone OR p.id = $phone OR p.id = 'phone:' + $phone
MATCH (holder:Entity)-[u:USES_PHONE]->(p)
OPTIONAL MATCH (holder)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|LOCATED_IN]->(other:Entity)
  WHERE other <> p AND (other:Identifier OR other:Address)
OPTIONAL MATCH (other)<-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|LOCATED_IN]-(co:Entity)
  WHERE co <> holder AND NOT co:Location
WITH p, holder, u, other, collect(DISTINCT co.name) AS shared_with
RETURN p.value AS phone, holder.name AS holder, holder.kind AS holder_kind, holder.id AS holder_id,
       other.value AS other_identifier, other.kind AS other_kind, shared_with, u.ev_doc_ids AS doc_ids
ORDER BY holder, other_identifier
LIMIT $limit
