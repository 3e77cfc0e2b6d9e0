"""Validation and keys of one document before writing (ontology-backed, no database)."""

from __future__ import annotations

import pytest

from extraction.models import EntityMention, IndicatorMention, TypeLabel
from graph.ingest.ontology_view import OntologyView, default_view
from graph.ingest.prepare import DocumentError, content_hash, prepare
from tests.fixtures.ingest_world import make_result, sample_world

ONTO = default_view()


def test_sample_document_gets_labels_keys_and_person_bases() -> None:
    prep = prepare(sample_world()[0], ONTO)
    assert prep.labels == ("Document", "NewsArticle")
    assert prep.keys["ph"] == "phone:+447700900123"
    assert prep.keys["c1"] == "city:lodz|pl"
    assert prep.person_bases == {"p1": "person:viktor petrov", "p2": "person:anna kowalska"}
    assert prep.refs == {"p3": "p1"}
    assert prep.info["ph"].labels == ("Entity", "Identifier", "Phone")
    assert prep.info["ph"].name == "+44 7700 900123"


def test_business_takes_its_place_from_located_in() -> None:
    prep = prepare(sample_world()[1], ONTO)
    assert prep.keys["b1"] == "business:sunrise cleaning@manchester"


def _bad(mutate) -> str:  # type: ignore[no-untyped-def]
    doc = sample_world()[0]
    mutate(doc)
    with pytest.raises(DocumentError) as exc:
        prepare(doc, ONTO)
    return str(exc.value)


def test_unknown_entity_type_is_a_document_error() -> None:
    def f(d):  # type: ignore[no-untyped-def]
        d.entities.append(
            EntityMention(id="x", type="Spaceship", text="V", start=0, end=1, value="V", confidence=1)
        )

    assert "Spaceship" in _bad(f)


def test_relation_the_ontology_does_not_allow_is_a_document_error() -> None:
    def f(d):  # type: ignore[no-untyped-def]
        d.relations[0].type = "USES_PHONE"  # Person -[USES_PHONE]-> Person

    assert "does not allow Person -[USES_PHONE]-> Person" in _bad(f)


def test_other_document_errors() -> None:
    assert "outside the text" in _bad(lambda d: setattr(d.entities[0], "end", 10_000))
    assert "not in entities" in _bad(lambda d: setattr(d.relations[0], "target", "nope"))
    assert "not an ontology relationship type" in _bad(lambda d: setattr(d.relations[0], "type", "LIKES"))
    assert "TraffickingType" in _bad(
        lambda d: d.classification.trafficking_types.append(TypeLabel(type="X", confidence=1))
    )
    assert "Indicator" in _bad(
        lambda d: d.classification.indicators.append(IndicatorMention(type="X", start=0, end=1))
    )
    assert "role 'Boss'" in _bad(lambda d: d.entities[0].attributes.update(roles=["boss"]))
    assert "ref chain loops" in _bad(lambda d: setattr(d.entities[0], "ref", "p3"))
    assert "doc_type" in _bad(lambda d: setattr(d, "doc_type", "Phone"))


def test_content_hash_changes_with_any_extraction_change() -> None:
    a, b = sample_world()[0], sample_world()[0]
    assert content_hash(a) == content_hash(b)
    b.entities[0].confidence = 0.5
    assert content_hash(a) != content_hash(b)


def test_make_result_offsets_point_at_the_surface_text() -> None:
    doc = make_result(
        "d", "Ann met Bob. Bob left.", [("a", "Person", "Ann", None), ("b", "Person", "Bob@1", None)]
    )
    assert [doc.text[m.start : m.end] for m in doc.entities] == ["Ann", "Bob"]
    assert doc.entities[1].start == 13


def test_equal_mentions_share_what_prepare_made_of_them_and_attributes_still_count() -> None:
    onto = OntologyView(ONTO.onto)  # a fresh memo
    text = "Lodz. Lodz again. Lodz, Poland. Age 1. Age 1."
    pl = {"geonameid": 3093133, "country_code": "PL"}

    def city(doc_id: str, attrs: dict[str, object]):  # type: ignore[no-untyped-def]
        return make_result(doc_id, text, [("c1", "City", "Lodz", "Lodz", attrs)])

    docs = [
        city("m1", pl),
        city("m2", dict(pl)),
        # same surface text, another place: the memo must not hand back the first one's key
        city("m3", {"geonameid": 1, "country_code": "US"}),
        # equal values of another class are other properties (1 == 1.0 == True as dict keys)
        city("m4", {**pl, "lat": 51.0}),
        city("m5", {**pl, "lat": 51}),
    ]
    p1, p2, p3, p4, p5 = (prepare(d, onto) for d in docs)
    assert p1.info["c1"] is p2.info["c1"] and p1.keys == p2.keys
    assert p3.keys["c1"] != p1.keys["c1"]
    assert type(p4.info["c1"].props["lat"]) is float and type(p5.info["c1"].props["lat"]) is int
    # an unparsable identifier fails every document that has it, each with its own mention id
    bad = [make_result(f"b{i}", "call xx", [(f"ph{i}", "Phone", "xx", "xx")]) for i in (1, 2)]
    for i, doc in enumerate(bad, 1):
        with pytest.raises(DocumentError, match=f"entity ph{i}:"):
            prepare(doc, onto)
    # an unhashable attribute value is prepared without the memo
    odd = make_result("o1", text, [("c1", "City", "Lodz", "Lodz", {"geonameid": [3093133]})])
    assert prepare(odd, onto).info["c1"].props == {"geonameid": [3093133]}


def test_snippets_are_made_on_first_use_and_kept() -> None:
    from graph.ingest.rows import sentence_around

    doc = sample_world()[0]
    prep = prepare(doc, ONTO)
    assert prep.snippets == {}  # nothing spent before the writer needs a fact row
    start = doc.text.index("Viktor")
    first = prep.snippet(start, start + 6)
    assert first == sentence_around(doc.text, start, start + 6) and "Viktor" in first
    assert prep.snippets == {(start, start + 6): first}
    assert prep.snippet(start, start + 6) is first
