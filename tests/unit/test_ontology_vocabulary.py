"""What callers ask of the ontology instead of typing its names out again (ontology/loader.py)."""

from __future__ import annotations

from extraction.components.relations import AGENTS, SYMMETRIC
from extraction.evaluate_relations import SYMMETRIC_RELATIONS
from graph.privacy import CATEGORY_KINDS
from ontology import load_ontology

ONT = load_ontology()


def test_symmetric_types_are_the_owl_symmetric_properties_and_every_caller_uses_them() -> None:
    assert ONT.symmetric_types() == {"ASSOCIATE_OF", "CO_ACCUSED", "MENTIONED_TOGETHER", "POSSIBLY_SAME_AS"}
    assert SYMMETRIC == SYMMETRIC_RELATIONS == ONT.symmetric_types()  # extraction once missed one


def test_classes_under_includes_the_class_and_can_leave_out_abstract_ones() -> None:
    assert ONT.classes_under("Business") == {
        "Business",
        "FrontBusiness",
        "EmploymentAgency",
        "TransportCompany",
    }
    assert "Entity" not in ONT.classes_under("Entity", include_abstract=False)
    assert ONT.abstract_classes() == {"Entity", "Identifier"}
    assert AGENTS == {"Person"} | ONT.classes_under("Organization")


def test_colours_are_inherited_and_cover_every_graph_label() -> None:
    colours = ONT.colours()
    assert set(colours) == set(ONT.graph_labels())
    assert colours["NewsArticle"] == colours["Document"]
    assert colours["FrontBusiness"] != colours["Business"]


def test_link_chart_types_leave_out_evidence_and_weak_links_are_marked() -> None:
    types = ONT.entity_relationship_types()
    assert "MENTIONED_IN" not in types and "CLASSIFIED_AS" not in types
    assert {"HAS_ROLE", "USES_PHONE", "MENTIONED_TOGETHER"} <= set(types)
    assert ONT.weak_link_types() == {"MENTIONED_TOGETHER", "POSSIBLY_SAME_AS"}


def test_roles_and_personal_data_categories_come_from_the_turtle() -> None:
    assert "Victim" in ONT.role_names() and "Recruiter" in ONT.role_names()
    assert CATEGORY_KINDS == ONT.personal_data_categories()
    assert CATEGORY_KINDS["payment"] == ONT.classes_under("PaymentAccount")
    assert set(CATEGORY_KINDS) == {"person", "phone", "email", "payment", "handle", "vehicle"}
