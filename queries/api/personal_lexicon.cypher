// name: api/personal_lexicon
// description: API masking: every entity with its names, values, aliases and the surface texts of its
// description: mentions — persons and identifiers are personal; any other entity is scrubbed when its
// description: name reads as a person's (graph.privacy_text.person_shaped: a person typed as a business).
// params: (none)
// returns: id, kind, labels, name, value, aliases, texts
// mode: read
MATCH (e:Entity)
RETURN e.id AS id, e.kind AS kind, labels(e) AS labels, e.name AS name, e.value AS value,
       coalesce(e.aliases, []) AS aliases,
       reduce(acc = [], ts IN [(e)-[m:MENTIONED_IN]->() | coalesce(m.texts, [])] | acc + ts) AS texts
