"""SHACL shapes generated from the ontology accept a valid export and name the offending node otherwise."""

from __future__ import annotations

from rdflib import RDF, Literal

from ontology import DATA, LT
from ontology.export import build_rdf
from ontology.shapes import shapes_graph, validate_rdf

NODES = [
    {"eid": "1", "labels": ["Entity", "Person"], "props": {"id": "person:ann", "name": "Ann"}},
    {"eid": "2", "labels": ["Entity", "Identifier", "Phone"], "props": {"id": "phone:+15555550100"}},
    {
        "eid": "3",
        "labels": ["Entity", "Organization", "Business", "FrontBusiness"],
        "props": {"id": "business:x"},
    },
    {"eid": "4", "labels": ["Document", "NewsArticle"], "props": {"id": "d1"}},
]
RELS = [
    {
        "type": "USES_PHONE",
        "source": "3",
        "target": "2",
        "props": {"ev_doc_ids": ["d1"], "ev_starts": [1], "ev_ends": [9]},
    },
    {"type": "EXPLOITED_AT", "source": "1", "target": "3", "props": {}},
    {
        "type": "MENTIONED_IN",
        "source": "1",
        "target": "4",
        "props": {"starts": [0], "ends": [3], "texts": ["Ann"], "confidence": 0.9},
    },
]


def test_shapes_cover_every_relationship_type() -> None:
    g = shapes_graph()
    targets = {str(o) for o in g.objects(None, None) if str(o).startswith(str(LT))}
    assert str(LT.usesPhone) in targets and str(LT.possiblySameAs) in targets


def test_valid_export_conforms_subclass_aware() -> None:
    g, _ = build_rdf(NODES, RELS)
    assert validate_rdf(g) == (True, [])


def test_domain_range_and_mention_violations_are_named() -> None:
    g, _ = build_rdf(NODES, RELS)
    phone, person = DATA["entity/phone:+15555550100"], DATA["entity/person:ann"]
    g.add((phone, LT.worksFor, person))  # Phone cannot work for, a Person is not an Organization
    bad_mention = DATA["mention/bad"]
    g.add((bad_mention, RDF.type, LT.Mention))
    g.add((bad_mention, LT.start, Literal("zero")))
    conforms, messages = validate_rdf(g)
    assert not conforms
    assert f"{phone}: WORKS_FOR: subject must be Person" in messages
    assert any(m.startswith(str(phone)) and "object must be Organization" in m for m in messages)
    assert f"{bad_mention}: a Mention names one document" in messages
    assert f"{bad_mention}: a Mention's start is one integer" in messages
