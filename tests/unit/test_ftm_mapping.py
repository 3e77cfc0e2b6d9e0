"""The FollowTheMoney mapping comes from the ontology and is checked against followthemoney's model; the
export validates with the library; an export read back gives the same nodes and links (no database)."""

from __future__ import annotations

import json
from pathlib import Path

from graph.ftm.export import build_entities, validation_errors
from graph.ftm.imports import plan_import, read_entities
from graph.ftm.mapping import interval_relations, mapping_problems, relation_map
from ontology.loader import ONTOLOGY_PATH, parse_ontology

EXTRA = """
lt:Boat a owl:Class ; rdfs:subClassOf lt:Identifier ; rdfs:label "boat"@en .
lt:sailsOn a owl:ObjectProperty ; rdfs:label "sails on"@en ; lt:neo4jType "SAILS_ON" ;
    rdfs:domain lt:Person ; rdfs:range lt:Boat .
"""


def test_every_class_and_relationship_of_the_ontology_has_an_ftm_mapping() -> None:
    assert mapping_problems() == []


def test_a_new_class_or_relationship_without_a_mapping_fails(tmp_path: Path) -> None:
    ttl = tmp_path / "lantern.ttl"
    ttl.write_text(ONTOLOGY_PATH.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    problems = mapping_problems(parse_ontology(ttl))
    assert any(p.startswith("class Boat: no lt:ftmSchema") for p in problems), problems
    assert any(p.startswith("relationship SAILS_ON: no lt:ftmSchema") for p in problems), problems
    wrong = tmp_path / "wrong.ttl"
    wrong.write_text(
        ONTOLOGY_PATH.read_text(encoding="utf-8").replace(
            'lt:ftmSchema "Ownership"', 'lt:ftmSchema "Ownershp"'
        ),
        encoding="utf-8",
    )
    assert any("'Ownershp' is not an FtM edge schema" in p for p in mapping_problems(parse_ontology(wrong)))


def test_an_edge_schema_whose_ends_do_not_fit_fails(tmp_path: Path) -> None:
    """Payment's payer and beneficiary are legal entities: accounts paying accounts need payerAccount."""
    ttl = tmp_path / "lantern.ttl"
    extra = """
lt:paidTo a owl:ObjectProperty ; rdfs:label "paid to"@en ; lt:neo4jType "PAID_TO" ; lt:ftmSchema "Payment" ;
    rdfs:domain lt:PaymentAccount ; rdfs:range lt:PaymentAccount .
"""
    ttl.write_text(ONTOLOGY_PATH.read_text(encoding="utf-8") + extra, encoding="utf-8")
    problems = mapping_problems(parse_ontology(ttl))
    assert "PAID_TO: BankAccount is FtM BankAccount, not a LegalEntity (Payment.payer)" in " ".join(problems)


def test_relationships_map_to_interval_schemata_in_the_right_direction() -> None:
    assert relation_map("MENTIONED_IN").schema == "Documentation" and relation_map("MENTIONED_IN").reversed
    assert (relation_map("OWNS").schema, relation_map("OWNS").reversed) == ("Ownership", False)
    assert relation_map("WORKS_FOR").schema == "Employment"
    assert relation_map("USES_PHONE").property == "phone"
    assert len(interval_relations()) == len({t for t in interval_relations().values()})


def _node(eid: str, kind: str, labels: list[str], **props: object) -> dict[str, object]:
    return {"eid": eid, "labels": labels, "props": {"kind": kind, **props}}


def _rel(rel_type: str, source: str, target: str, **props: object) -> dict[str, object]:
    return {"type": rel_type, "source": source, "target": target, "props": props}


NODES = [
    _node("1", "Person", ["Entity", "Person"], id="person:mara quill", name="Mara Quill", value="mara quill",
          aliases=["Quill"]),
    _node("2", "Phone", ["Entity", "Identifier", "Phone"], id="phone:+447700900123", name="+44 7700 900123",
          value="+447700900123"),
    _node("3", "Phone", ["Entity", "Identifier", "Phone"], id="phone:+12025550123", name="+1 202 555 0123",
          value="+12025550123"),
    _node("4", "FrontBusiness", ["Entity", "Organization", "Business", "FrontBusiness"],
          id="business:lantern nails@leeds", name="Lantern Nails", value="lantern nails"),
    _node("5", "NewsArticle", ["Document", "NewsArticle"], id="doc-1", title="Raid on a nail bar",
          text="Mara Quill owns Lantern Nails. Call +44 7700 900123.", published="2025-01-02",
          url="https://news.example.com/a"),
    _node("6", "Role", ["Role"], id="Exploiter", name="exploiter"),
    _node("7", "AnalysisRun", ["AnalysisRun"], id="run-1"),
]  # fmt: skip
EV = {
    "ev_doc_ids": ["doc-1"],
    "ev_starts": [0],
    "ev_ends": [30],
    "ev_snippets": ["Mara Quill owns Lantern Nails."],
    "ev_confidences": [0.9],
    "confidence": 0.9,
}
RELS = [
    _rel("OWNS", "1", "4", **EV),
    _rel("USES_PHONE", "1", "2", **EV),
    _rel("USES_PHONE", "4", "3", **EV),
    _rel("HAS_ROLE", "1", "6", **EV),
    _rel("MENTIONED_IN", "1", "5", starts=[0], ends=[10], texts=["Mara Quill"], confidence=0.9),
    _rel("MENTIONED_IN", "2", "5", starts=[37], ends=[52], texts=["+44 7700 900123"], confidence=0.9),
    _rel("MENTIONED_IN", "4", "5", starts=[16], ends=[29], texts=["Lantern Nails"], confidence=0.9),
]


def _lines() -> list[str]:
    entities, stats = build_entities(NODES, RELS)  # type: ignore[arg-type]
    assert list(stats.skipped.values()) == [1]
    assert next(iter(stats.skipped)).startswith("AnalysisRun nodes (bookkeeping")
    return [json.dumps(e.to_dict()) for e in entities]


def test_export_validates_and_keeps_values_ftm_rejects_as_keywords() -> None:
    lines = _lines()
    assert [e for line in lines for e in validation_errors(json.loads(line))] == []
    by_schema = {json.loads(line)["schema"]: json.loads(line) for line in lines}
    assert set(by_schema) == {"Person", "Company", "Article", "Ownership", "Documentation"}
    person, company = by_schema["Person"]["properties"], by_schema["Company"]["properties"]
    assert company["phone"] == ["+12025550123"]  # a number libphonenumber accepts is FtM's phone property
    assert "lantern:USES_PHONE>Phone:+447700900123" in person["keywords"]  # the fictional range is not
    assert "lantern:HAS_ROLE>Role:Exploiter" in person["keywords"]
    assert "lantern:kind=FrontBusiness" in company["keywords"]
    assert "lantern:MENTIONED_IN<Phone:+447700900123" in by_schema["Article"]["properties"]["keywords"]
    assert by_schema["Ownership"]["properties"]["description"] == [
        "doc-1 [0:30] (0.9) Mara Quill owns Lantern Nails."
    ]


def test_validation_reports_what_followthemoney_rejects() -> None:
    assert validation_errors({"id": "x1", "schema": "Ownership", "properties": {"owner": ["x2"]}}) == [
        "x1: Ownership needs 'asset'"
    ]
    bad = validation_errors(
        {"id": "not valid!", "schema": "Person", "properties": {"name": ["A"], "email": ["no"]}}
    )
    assert any("not a valid FtM id" in e for e in bad) and any("email='no'" in e for e in bad)
    assert validation_errors({"id": "x", "schema": "Spaceship"}) == ["x: unknown FtM schema 'Spaceship'"]


def test_an_export_read_back_gives_the_same_nodes_links_and_evidence() -> None:
    proxies, errors = read_entities([*_lines(), "not json", '{"schema": "Person", "properties": {}}'])
    assert len(errors) == 2 and errors[0].startswith("line ")
    plan = plan_import(proxies, "unit", "GB")
    assert plan.errors == []
    assert set(plan.entities) == {"person:mara quill", "phone:+447700900123", "phone:+12025550123",
                                  "business:lantern nails@leeds"}  # fmt: skip
    assert plan.entities["business:lantern nails@leeds"]["kind"] == "FrontBusiness"
    assert set(plan.documents) == {"doc-1", "ftm-import:unit"}  # the import cites itself for property links
    assert set(plan.relations) == {
        ("OWNS", "person:mara quill", "business:lantern nails@leeds"),
        ("USES_PHONE", "person:mara quill", "phone:+447700900123"),
        ("USES_PHONE", "business:lantern nails@leeds", "phone:+12025550123"),
        ("HAS_ROLE", "person:mara quill", "Exploiter"),
    }
    owns = plan.relations[("OWNS", "person:mara quill", "business:lantern nails@leeds")]["items"]
    assert owns == [("doc-1", 0, 30, 0.9, "Mara Quill owns Lantern Nails.")]
    assert {(e, d) for e, d in plan.mentions} == {
        ("person:mara quill", "doc-1"), ("phone:+447700900123", "doc-1"),
        ("business:lantern nails@leeds", "doc-1"), ("phone:+12025550123", "ftm-import:unit"),
    }  # fmt: skip
