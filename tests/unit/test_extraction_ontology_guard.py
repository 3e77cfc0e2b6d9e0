"""Extraction never emits what the ontology refuses: an owned Organization is a Business, and anything
else outside domain/range is dropped with a stage error instead of making ingest refuse the document."""

from __future__ import annotations

from extraction.models import EntityMention, ExtractionResult, RelationMention
from extraction.pipeline import _business_if_owned, _ontology_guard
from extraction.validate import validate_result

TEXT = "Ana Pop owns Delta Group. Delta Group uses the phone +44 7700 900123."


def _result() -> ExtractionResult:
    def ent(i: str, t: str, text: str, value: str | None = None) -> EntityMention:
        start = TEXT.index(text)
        return EntityMention(
            id=i, type=t, text=text, start=start, end=start + len(text), value=value or text, confidence=0.9
        )

    return ExtractionResult(
        id="doc-guard",
        text=TEXT,
        entities=[
            ent("e1", "Person", "Ana Pop"),
            ent("e2", "Organization", "Delta Group"),
            ent("e3", "Phone", "+44 7700 900123", "+447700900123"),
        ],
        relations=[
            RelationMention(id="r1", type="OWNS", source="e1", target="e2", start=0, end=25, confidence=0.8),
            RelationMention(
                id="r2", type="USES_PHONE", source="e3", target="e2", start=26, end=70, confidence=0.8
            ),
        ],
    )


def test_an_owned_organization_becomes_a_business() -> None:
    r = _result()
    _business_if_owned(r)
    assert [e.type for e in r.entities] == ["Person", "Business", "Phone"]


def test_relations_the_ontology_refuses_are_dropped_with_a_reason() -> None:
    r = _result()
    _business_if_owned(r)
    errors = _ontology_guard(r)
    assert [x.id for x in r.relations] == ["r1"]  # the reversed USES_PHONE (Phone -> Business) is gone
    assert len(errors) == 1 and errors[0].stage == "ontology" and "r2" in errors[0].reason
    assert validate_result(r) == []
