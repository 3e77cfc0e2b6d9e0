// name: analysis/hub_candidates
// description: Hub candidates for the network analysis: entities of an excluded ontology class (Authority,
// description: City, ...) that have typed links, and entities mentioned in too large a share of the documents
// description: or with too many typed links; officials in the process (HAS_ROLE official, not accused) and
// description: streets (an Address without a number), identifiers an agency or official uses (contact lines).
// description: They are left out of the projection and reported.
// params: node_labels (list of labels the projection uses), exclude_labels (classes always excluded),
// params: min_docs (int), max_doc_fraction (float 0..1), max_degree (int),
// params: names (list of lower-case names of generic platforms, e.g. whatsapp),
// params: patterns (list of regular expressions for placeholder names, e.g. jane doe( \d+)?),
// params: official_role, accused_role (Role ids), context (bool: flag officials, streets and contact lines),
// params: agency_domain (regular expression: a government web or e-mail domain, e.g. .gov)
// returns: id, name, kind, docs, degree, total_docs, classes (excluded classes the entity has),
// returns: platform (true when the name is a generic platform), placeholder (true for 'Jane Doe 1' etc.),
// returns: official (an official who is not accused), street (an Address whose name holds no digit),
// returns: contact (an identifier an agency or an official uses, or on a government domain: a press line, a tip
// returns: line, a unit's e-mail, the office's website)
// mode: read
CALL () { MATCH (d:Document) RETURN count(d) AS total_docs }
MATCH (e:Entity)
WHERE any(l IN labels(e) WHERE l IN $node_labels OR l IN $exclude_labels)
WITH total_docs, e,
     COUNT { (e)-[:MENTIONED_IN]->(:Document) } AS docs,
     COUNT { (e)-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE|USES_ACCOUNT|USES_VEHICLE|WORKS_FOR|OWNS|LOCATED_IN|RECRUITED|TRANSPORTED|EXPLOITED_AT|CONTROLLED|ASSOCIATE_OF|CO_ACCUSED]-(:Entity) } AS degree,
     [l IN labels(e) WHERE l IN $exclude_labels] AS classes,
     toLower(trim(coalesce(e.name, ''))) IN $names AS platform,
     any(p IN $patterns WHERE toLower(trim(coalesce(e.name, ''))) =~ p) AS placeholder,
     $context AND EXISTS { (e)-[:HAS_ROLE]->(:Role {id: $official_role}) }
       AND NOT EXISTS { (e)-[:HAS_ROLE]->(:Role {id: $accused_role}) } AS official,
     $context AND e:Address AND NOT coalesce(e.name, '') =~ '.*[0-9].*' AS street,
     $context AND e:Identifier AND (toLower(coalesce(e.value, e.name, '')) =~ $agency_domain OR EXISTS {
       (e)<-[:USES_PHONE|USES_EMAIL|USES_WEBSITE|USES_HANDLE]-(o:Entity)
       WHERE o:Authority OR EXISTS { (o)-[:HAS_ROLE]->(:Role {id: $official_role}) }
     }) AS contact
WHERE ((size(classes) > 0 OR platform OR placeholder OR official OR street OR contact)
       AND (degree > 0 OR docs >= $min_docs))
   OR (docs >= $min_docs AND toFloat(docs) / CASE WHEN total_docs = 0 THEN 1 ELSE total_docs END > $max_doc_fraction)
   OR degree > $max_degree
RETURN e.id AS id, e.name AS name, e.kind AS kind, docs, degree, total_docs, classes, platform, placeholder,
       official, street, contact
ORDER BY docs DESC, degree DESC, id
