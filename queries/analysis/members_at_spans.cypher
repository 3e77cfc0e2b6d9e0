// name: analysis/members_at_spans
// description: The analysed entity (network / community of the last run) that a document mentions at exactly
// description: a given character span — used by the ground-truth evaluation to find a planted member through
// description: the seed's gold mention (a victim the text names only "Khrystyna" is the entity at that span).
// params: spans (list of {doc, start, end})
// returns: doc, start, end, id, network_id, community_id
// mode: read
UNWIND $spans AS s
MATCH (d:Document {id: s.doc})<-[m:MENTIONED_IN]-(e:Entity)
WHERE e.network_id IS NOT NULL
  AND any(i IN range(0, size(m.starts) - 1) WHERE m.starts[i] = s.start AND m.ends[i] = s.end)
RETURN s.doc AS doc, s.start AS start, s.end AS end, e.id AS id, e.network_id AS network_id,
       e.community_id AS community_id
