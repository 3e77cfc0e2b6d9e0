"""Validation refuses unknown types and domain/range violations with a message naming the item."""

from __future__ import annotations

import pytest

from extraction.models import ExtractionResult
from extraction.validate import (
    OntologyViolation,
    clean_result,
    entity_type_error,
    relation_error,
    validate_entity_type,
    validate_individual,
    validate_labels,
    validate_relation,
    validate_result,
)

TEXT = "Viktor Petrov used +44 7700 900123 to recruit Anna Example in Leeds."


def _result(**overrides: object) -> ExtractionResult:
    data: dict[str, object] = {
        "id": "doc-1",
        "text": TEXT,
        "entities": [
            {
                "id": "e1",
                "type": "Person",
                "text": "Viktor Petrov",
                "start": 0,
                "end": 13,
                "value": "Viktor Petrov",
                "confidence": 0.9,
            },
            {
                "id": "e2",
                "type": "Phone",
                "text": "+44 7700 900123",
                "start": 19,
                "end": 34,
                "value": "+447700900123",
                "confidence": 0.99,
            },
            {
                "id": "e3",
                "type": "Person",
                "text": "Anna Example",
                "start": 46,
                "end": 58,
                "value": "Anna Example",
                "confidence": 0.9,
            },
            {
                "id": "e4",
                "type": "City",
                "text": "Leeds",
                "start": 62,
                "end": 67,
                "value": "Leeds",
                "confidence": 0.8,
            },
        ],
        "relations": [
            {
                "id": "r1",
                "type": "USES_PHONE",
                "source": "e1",
                "target": "e2",
                "start": 0,
                "end": 68,
                "confidence": 0.8,
            },
            {
                "id": "r2",
                "type": "RECRUITED",
                "source": "e1",
                "target": "e3",
                "start": 0,
                "end": 68,
                "confidence": 0.8,
            },
            {
                "id": "r3",
                "type": "RECRUITED_IN",
                "source": "e3",
                "target": "e4",
                "start": 0,
                "end": 68,
                "confidence": 0.7,
            },
        ],
        "classification": {
            "trafficking_types": [{"type": "ForcedLabour", "confidence": 0.7}],
            "indicators": [{"type": "FalseJobOffer", "start": 0, "end": 10}],
        },
    }
    data.update(overrides)
    return ExtractionResult.model_validate(data)


def test_valid_result_has_no_errors() -> None:
    assert validate_result(_result()) == []


def test_unknown_entity_type_is_named_with_doc_and_item() -> None:
    r = _result()
    r.entities[1].type = "Telephone"
    errors = validate_result(r)
    assert (errors[0].kind, errors[0].item_id, errors[0].type) == ("entity", "e2", "Telephone")
    assert "document doc-1: entity e2 (Telephone): unknown entity type 'Telephone'" in errors[0].message
    # the relation that used it is refused too, naming the missing endpoint
    assert any(e.kind == "relation" and e.item_id == "r1" and "e2" in e.reason for e in errors)


def test_domain_range_violation_is_named() -> None:
    r = _result()
    r.relations[0].source, r.relations[0].target = "e2", "e1"  # Phone USES_PHONE Person
    errors = validate_result(r)
    assert len(errors) == 1
    assert errors[0].item_id == "r1" and errors[0].type == "USES_PHONE"
    assert "USES_PHONE cannot start at Phone (domain: Organization or Person)" in errors[0].reason


def test_unknown_relation_classification_and_doc_type() -> None:
    r = _result(doc_type="Blog")
    r.relations[2].type = "RECRUTED_IN"
    r.classification.trafficking_types[0].type = "Slavery"
    r.classification.indicators[0].type = "DebtBondge"
    kinds = {(e.kind, e.type): e.reason for e in validate_result(r)}
    assert "Did you mean RECRUITED_IN" in kinds[("relation", "RECRUTED_IN")]
    assert ("trafficking_type", "Slavery") in kinds
    assert "Did you mean DebtBondage" in kinds[("indicator", "DebtBondge")]
    assert ("doc_type", "Blog") in kinds


def test_span_outside_text_is_reported() -> None:
    r = _result()
    r.entities[3].end = 500
    assert [(e.kind, e.item_id) for e in validate_result(r)] == [("span", "e4")]


def test_clean_result_drops_only_offending_items() -> None:
    r = _result()
    r.entities[3].type = "Town"
    clean, errors = clean_result(r)
    assert {e.item_id for e in errors} == {"e4", "r3"}
    assert [e.id for e in clean.entities] == ["e1", "e2", "e3"]
    assert [x.id for x in clean.relations] == ["r1", "r2"]
    assert clean.classification.indicators[0].type == "FalseJobOffer"


def test_row_validators_raise_with_the_item_named() -> None:
    validate_entity_type("FrontBusiness")
    validate_relation("EXPLOITED_AT", "Person", "FrontBusiness")
    validate_labels(["Entity", "Organization", "Business"])
    validate_individual("DebtBondage", "Indicator")
    with pytest.raises(OntologyViolation, match="row 7: unknown entity type 'Persn'"):
        validate_entity_type("Persn", item="row 7")
    with pytest.raises(
        OntologyViolation, match=r"edge x: WORKS_FOR cannot end at City \(range: Organization\)"
    ):
        validate_relation("WORKS_FOR", "Person", "City", item="edge x")
    with pytest.raises(OntologyViolation, match="PlatformCheck"):
        validate_labels(["Entity", "PlatformCheck"])
    with pytest.raises(OntologyViolation, match="unknown Role 'Pimp'"):
        validate_individual("Pimp", "Role")
    assert "abstract" in (entity_type_error("Identifier") or "")
    assert "not an Entity subclass" in (entity_type_error("Document") or "")
    assert relation_error("LOCATED_IN", "Phone", "Address") is None


def test_roles_in_attributes_must_be_role_individuals() -> None:
    r = _result()
    r.entities[0].attributes["roles"] = ["recruiter", {"role": "Pimp"}]
    r.entities[3].attributes["roles"] = "Victim"  # a City cannot have a role
    errors = {(e.kind, e.item_id, e.type): e.reason for e in validate_result(r)}
    assert set(errors) == {("role", "e1", "Pimp"), ("role", "e4", "Victim")}
    assert "City cannot have a role" in errors[("role", "e4", "Victim")]


def test_clean_result_keeps_entity_but_drops_its_bad_roles() -> None:
    r = _result()
    r.entities[0].attributes["roles"] = ["recruiter", "Pimp"]
    clean, errors = clean_result(r)
    assert [(e.kind, e.type) for e in errors] == [("role", "Pimp")]
    assert clean.entities[0].attributes["roles"] == ["Recruiter"] and len(clean.relations) == 3
