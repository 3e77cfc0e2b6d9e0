// name: schema/test_fixture_small_graph
// description: Test fixture (fictional): two people, a phone, a front business, a document, an indicator,
// description: with MENTIONED_IN spans and evidence lists — used by the RDF export round-trip test.
// params: (none)
// returns: nodes
// mode: write
CREATE (d:Document:NewsArticle {id: 'doc-rt-1', title: 'Car wash raid', kind: 'NewsArticle', published: date('2024-03-01')})
CREATE (p:Entity:Person {id: 'person:viktor example', name: 'Viktor Example', value: 'Viktor Example', kind: 'Person', aliases: ['V. Example', 'Vik']})
CREATE (v:Entity:Person {id: 'person:anna example', name: 'Anna Example', value: 'Anna Example', kind: 'Person', age: 19})
CREATE (ph:Entity:Identifier:Phone {id: 'phone:+447700900123', name: '+447700900123', value: '+447700900123', kind: 'Phone'})
CREATE (b:Entity:Organization:Business:FrontBusiness {id: 'business:sparkle car wash', name: 'Sparkle Car Wash', kind: 'FrontBusiness', risk_score: 0.82})
MERGE (i:Indicator {id: 'DebtBondage'}) SET i.name = 'debt bondage'
CREATE (p)-[:MENTIONED_IN {starts: [0, 120], ends: [14, 127], texts: ['Viktor Example', 'Example'], confidence: 0.9, extractor_version: 't1'}]->(d)
CREATE (v)-[:MENTIONED_IN {starts: [40], ends: [52], texts: ['Anna Example'], confidence: 0.8}]->(d)
CREATE (ph)-[:MENTIONED_IN {starts: [60], ends: [75], texts: ['+44 7700 900123'], confidence: 0.99}]->(d)
CREATE (p)-[:USES_PHONE {ev_doc_ids: ['doc-rt-1'], ev_starts: [0], ev_ends: [80], ev_snippets: ['Viktor Example used +44 7700 900123.'], ev_confidences: [0.85], evidence_count: 1, doc_count: 1, confidence: 0.85}]->(ph)
CREATE (v)-[:EXPLOITED_AT {ev_doc_ids: ['doc-rt-1', 'doc-rt-1'], ev_starts: [81, 130], ev_ends: [129, 170], ev_snippets: ['Anna worked at Sparkle Car Wash.', 'She was never paid.'], ev_confidences: [0.7, 0.6], evidence_count: 2, doc_count: 1, confidence: 0.7}]->(b)
CREATE (d)-[:HAS_INDICATOR {ev_doc_ids: ['doc-rt-1'], ev_starts: [130], ev_ends: [170], ev_snippets: ['She was never paid.'], ev_confidences: [1.0], evidence_count: 1, doc_count: 1, confidence: 1.0}]->(i)
CREATE (p)-[:POSSIBLY_SAME_AS {score: 0.71, reason: 'similar name', source: 'test'}]->(v)
RETURN 6 AS nodes
