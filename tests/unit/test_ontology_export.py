"""RDF building without a database: IRIs, skipped platform nodes, ids picked from query rows."""

from __future__ import annotations

from rdflib import RDF, Graph, Literal

from ontology import DATA, LT
from ontology.export import build_rdf, serialize
from ontology.export_graph import ids_in_rows

NODES = [
    {
        "eid": "1",
        "labels": ["Entity", "Organization", "Business", "FrontBusiness"],
        "props": {"id": "business:x", "name": "X Nails"},
    },
    {
        "eid": "2",
        "labels": ["Entity", "Identifier", "Email"],
        "props": {"id": "email:a@example.com", "value": "a@example.com"},
    },
    {"eid": "3", "labels": ["PlatformCheck"], "props": {"id": "check"}},
    {"eid": "4", "labels": ["Role"], "props": {"id": "Facilitator", "name": "facilitator"}},
]
RELS = [
    {
        "type": "USES_EMAIL",
        "source": "1",
        "target": "2",
        "props": {
            "ev_doc_ids": ["d1"],
            "ev_starts": [5],
            "ev_ends": [40],
            "ev_snippets": ["s"],
            "ev_confidences": [0.9],
            "confidence": 0.9,
        },
    },
    {"type": "HAS_ROLE", "source": "1", "target": "4", "props": {}},
    {"type": "LINKS", "source": "3", "target": "3", "props": {}},
]


def test_build_rdf_types_most_specific_class_and_skips_non_ontology_items() -> None:
    g, stats = build_rdf(NODES, RELS)
    biz = DATA["entity/business:x"]
    assert set(g.objects(biz, RDF.type)) == {LT.FrontBusiness}
    assert (biz, LT.hasRole, LT.Facilitator) in g and (LT.Facilitator, RDF.type, LT.Role) in g
    assert (stats.nodes, stats.relationships, stats.skipped_nodes, stats.skipped_relationships) == (
        3,
        2,
        1,
        1,
    )
    stmt = next(g.subjects(RDF.predicate, LT.usesEmail))
    mention = g.value(stmt, LT.evidence)
    assert g.value(mention, LT.inDocument) == DATA["document/d1"]
    assert g.value(mention, LT.start) == Literal(5) and g.value(stmt, LT.confidence) == Literal(0.9)
    assert (stmt, LT.ev_doc_ids, None) not in g  # evidence lists become Mentions, not flat literals
    assert len(Graph().parse(data=serialize(g, "turtle"), format="turtle")) == stats.triples


def test_ids_in_rows_reads_id_columns_and_whole_nodes() -> None:
    rows = [
        {
            "holder": "Ann",
            "holder_id": "person:ann",
            "doc_ids": ["d1", "d2"],
            "n": {"id": "phone:+1", "name": "x"},
        },
        {"holder": "Bob", "holder_id": None, "other_identifier": "email:b@example.com"},
    ]
    assert ids_in_rows(rows) == {"person:ann", "d1", "d2", "phone:+1"}
