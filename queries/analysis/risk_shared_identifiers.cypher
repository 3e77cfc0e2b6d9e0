// name: analysis/risk_shared_identifiers
// description: Identifiers (phone, email, account, ...) an entity shares with a person or organisation that has
// description: a perpetrator role (Recruiter, Exploiter, ...): one row per (entity, identifier, other holder).
// description: The seek on e is a hint (see analysis/neighbour_communities: index statistics lag after a run
// description: writes network_id).
// params: ids (list of entity ids), roles (list of Role ids counted as perpetrator roles)
// returns: id, identifier_kind, identifier, other, other_roles
// mode: read
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE]->(i:Identifier)
      <-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE]-(o:Entity)
USING INDEX e:Entity(id)
WHERE o <> e AND i.network_id IS NOT NULL
MATCH (o)-[:HAS_ROLE]->(r:Role) WHERE r.id IN $roles
RETURN e.id AS id, i.kind AS identifier_kind, coalesce(i.value, i.name) AS identifier, o.name AS other,
       collect(DISTINCT r.id) AS other_roles
ORDER BY id, identifier, other
