"""The ontology parses, is documented, and defines exactly the names in docs/graph-model.md."""

from __future__ import annotations

import re

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from graph.config import REPO_ROOT
from ontology import LT, load_ontology, upper_snake
from ontology.loader import ONTOLOGY_PATH

GRAPH_MODEL = (REPO_ROOT / "docs" / "graph-model.md").read_text(encoding="utf-8")


def _model_block() -> str:
    return GRAPH_MODEL.split("```", 2)[1]


def test_turtle_parses_with_plain_rdflib() -> None:
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    assert (LT.Person, RDF.type, OWL.Class) in g
    assert (LT.FrontBusiness, RDFS.subClassOf, LT.Business) in g


def test_every_class_and_property_has_label_and_comment() -> None:
    ont = load_ontology()
    missing = [n for n, c in ont.classes.items() if not c.label or not c.comment]
    missing += [
        r.type
        for r in [*ont.relations.values(), *ont.rdf_properties.values()]
        if not r.label or not r.comment
    ]
    missing += [n for n, i in ont.individuals_by_name.items() if not i.label or not i.comment]
    assert missing == []


def test_every_relation_has_domain_and_range_of_known_classes() -> None:
    ont = load_ontology()
    for rel in ont.relations.values():
        assert rel.domain and rel.range, rel.type
        assert all(ont.is_class(c) for c in rel.domain | rel.range), rel.type
        assert rel.type == upper_snake(rel.name)


def test_class_names_match_graph_model_doc() -> None:
    block = _model_block()
    names = set(re.findall(r"^ {0,8}([A-Z][A-Za-z]+)", block, re.M))
    names |= {
        "NewsArticle",
        "CaseNarrative",
        "CourtRecord",
        "PressRelease",
        "Advertisement",
        "SupplierRecord",
        "SightingReport",
    }
    ont = load_ontology()
    assert names == set(ont.classes)


def test_individual_names_match_graph_model_doc() -> None:
    ont = load_ontology()
    block = _model_block()
    for cls in ("TraffickingType", "Indicator", "Role", "Sector"):
        section = block.split(cls, 1)[1].split("individuals:", 1)[1]
        section = re.split(r"\n[A-Z]", section, maxsplit=1)[0]
        assert ont.individuals(cls) == sorted(section.split()), cls


def test_relationship_types_match_graph_model_doc() -> None:
    table = GRAPH_MODEL.split("Relationship types", 1)[1].split("## Nodes", 1)[0]
    documented = set()
    for line in table.splitlines():
        cells = line.split("|")
        if len(cells) > 2 and re.fullmatch(r"[A-Z_ /]+", cells[1].strip()):
            documented |= {t.strip() for t in cells[1].split("/")}
    assert set(load_ontology().relationship_types) == documented


def test_labels_for_entity_subclasses_include_entity_and_ancestors() -> None:
    ont = load_ontology()
    assert ont.labels_for("FrontBusiness") == ["Entity", "Organization", "Business", "FrontBusiness"]
    assert ont.labels_for("Phone") == ["Entity", "Identifier", "Phone"]
    assert ont.labels_for("City") == ["Entity", "Location", "City"]
    assert ont.labels_for("Document") == ["Document"]
    assert ont.labels_for("PressRelease") == ["Document", "PressRelease"]
    with pytest.raises(KeyError, match=r"Persn.*Did you mean Person"):
        ont.labels_for("Persn")


def test_allows_is_subclass_aware() -> None:
    ont = load_ontology()
    assert ont.allows("USES_PHONE", "FrontBusiness", "Phone")
    assert ont.allows("USES_ACCOUNT", "Person", "CryptoWallet")
    assert ont.allows("EXPLOITED_AT", "Person", "Address")
    assert ont.allows("EXPLOITED_AT", "Person", "FrontBusiness")
    assert not ont.allows("USES_PHONE", "Phone", "Person")
    assert not ont.allows("WORKS_FOR", "Person", "City")
    assert not ont.allows("CLASSIFIED_AS", "Person", "TraffickingType")
    assert not ont.allows("NOT_A_TYPE", "Person", "Person")
    assert not ont.allows("WORKS_FOR", "Alien", "Business")


def test_keys_individuals_and_entity_classes() -> None:
    ont = load_ontology()
    assert ont.key_property("BankAccount") == "id"
    assert ont.key_property("CourtRecord") == "id"
    assert ont.key_property("Mention") is None
    assert ont.keyed_classes() == [
        "AnalysisRun", "Document", "Entity", "Incident", "Indicator", "Role", "TraffickingType",
    ]  # fmt: skip
    assert "DebtBondage" in ont.individuals("Indicator")
    assert ont.individual("Recruiter").of_class == "Role"
    assert "Person" in ont.entity_classes() and "Document" not in ont.entity_classes()
    assert "Identifier" not in ont.entity_classes(include_abstract=False)
    assert not ont.is_graph_label("Mention") and ont.is_class("Mention")


def test_alignment_uses_real_followthemoney_schemata() -> None:
    ont = load_ontology()
    ftm = "https://w3id.org/ftm#"
    assert ftm + "Person" in ont.classes["Person"].equivalent
    assert ftm + "Company" in ont.classes["Business"].equivalent
    assert ftm + "BankAccount" in ont.classes["BankAccount"].equivalent
    assert "https://schema.org/NewsArticle" in ont.classes["NewsArticle"].see_also
    assert "http://xmlns.com/foaf/0.1/Person" in ont.classes["Person"].see_also


def test_adding_a_class_in_turtle_flows_into_labels_schema_and_style(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ontology.grass import grass_text
    from ontology.loader import parse_ontology
    from ontology.schema import constraint_statements, index_statements

    extra = """
lt:Hotel a owl:Class ; rdfs:subClassOf lt:Business ; rdfs:label "hotel"@en ; rdfs:comment "A hotel."@en ;
    lt:colour "#123456" .
lt:Shipment a owl:Class ; rdfs:label "shipment"@en ; rdfs:comment "A shipment."@en ;
    lt:keyProperty "id" ; lt:rangeIndex "reference" .
lt:shippedBy a owl:ObjectProperty ; rdfs:label "shipped by"@en ; rdfs:comment "x"@en ;
    lt:neo4jType "SHIPPED_BY" ; rdfs:domain lt:Shipment ; rdfs:range lt:TransportCompany .
"""
    path = tmp_path / "lantern.ttl"
    path.write_text(ONTOLOGY_PATH.read_text(encoding="utf-8") + extra, encoding="utf-8")
    ont = parse_ontology(path)
    assert ont.labels_for("Hotel") == ["Entity", "Organization", "Business", "Hotel"]
    assert ont.allows("USES_PHONE", "Hotel", "Phone") and ont.allows("EXPLOITED_AT", "Person", "Hotel")
    assert ont.allows("SHIPPED_BY", "Shipment", "TransportCompany") and not ont.allows(
        "SHIPPED_BY", "Shipment", "Hotel"
    )
    assert "CREATE CONSTRAINT shipment_id_unique IF NOT EXISTS FOR (n:Shipment) REQUIRE n.id IS UNIQUE" in (
        constraint_statements(ont)
    )
    assert (
        "CREATE INDEX shipment_reference IF NOT EXISTS FOR (n:Shipment) ON (n.reference)"
        in index_statements(ont)
    )
    assert "node.Hotel {\n  color: #123456;" in grass_text(ont)
