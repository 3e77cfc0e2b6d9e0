"""The Lantern spaCy pipeline on fictional sentences: entities, linking, places, relations,
classification, per-document error isolation, and ontology terms only."""

from __future__ import annotations

import pytest

from extraction.models import ExtractionResult, SourceDocument
from extraction.pipeline import Extractor
from ontology import load_ontology
from ontology.names import C

PLACES = load_ontology().classes_under(C.Location)

CASE = (
    'SANTA ANA, Calif. – Marcus Delano Pryce, 34, Anaheim, a.k.a. "Royalty", was charged today with '
    "human trafficking. Pryce recruited Jane Doe #1, a 16-year-old girl, in Fresno. He posted online ads "
    "for her on an escort website and told buyers to call six four six, three eight nine, three nine five "
    "zero or email royalty at example dot com. Mr. Pryce took her passport and threatened to beat her. "
    "She was forced to work at Lucky Star Nail Spa in Garden Grove. Pryce and his associate Kevin Holt "
    "were arrested by the Santa Ana Police Department."
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(region="US")


@pytest.fixture(scope="module")
def result(extractor: Extractor) -> ExtractionResult:
    return extractor.extract(SourceDocument(id="case-1", text=CASE))


def by_text(result: ExtractionResult, text: str):  # type: ignore[no-untyped-def]
    return [e for e in result.entities if e.text == text]


def test_offsets_point_into_the_text(result: ExtractionResult) -> None:
    assert result.entities
    for e in result.entities:
        assert CASE[e.start : e.end] == e.text
    for r in result.relations:
        assert CASE[r.start : r.end] == r.snippet


def test_people_aliases_coreference_and_age(result: ExtractionResult) -> None:
    (full,) = by_text(result, "Marcus Delano Pryce")
    assert full.type == "Person" and full.attributes["age"] == 34
    assert full.attributes["aliases"] == ["Royalty"]
    (alias,) = by_text(result, "Royalty")
    assert alias.type == "Person" and alias.ref == full.id
    surnames = by_text(result, "Pryce")
    assert len(surnames) >= 2 and all(s.ref == full.id for s in surnames)
    (victim,) = by_text(result, "Jane Doe #1")
    assert "Victim" in victim.attributes["roles"]


def test_identifiers_are_normalised(result: ExtractionResult) -> None:
    (phone,) = [e for e in result.entities if e.type == "Phone"]
    assert phone.value == "+16463893950" and phone.text.startswith("six four six")
    (email,) = [e for e in result.entities if e.type == "Email"]
    assert email.value == "royalty@example.com"


def test_places_businesses_authorities(result: ExtractionResult) -> None:
    (fresno,) = by_text(result, "Fresno")
    assert fresno.type == "City" and fresno.attributes["country_code"] == "US"
    assert abs(fresno.attributes["lat"] - 36.75) < 0.1
    (state,) = by_text(result, "Calif.")
    assert state.type == "Region" and state.value == "California"
    (spa,) = by_text(result, "Lucky Star Nail Spa")
    assert spa.type == "FrontBusiness"  # "She was forced to work at Lucky Star Nail Spa" (front_cues)
    assert spa.attributes["front_cue"] == "forced to work at"
    (police,) = by_text(result, "Santa Ana Police Department")
    assert police.type == "Authority"
    assert not [e for e in result.entities if e.text == "Santa Ana" and e.start > 300]


def test_typed_relations_with_evidence(result: ExtractionResult) -> None:
    ids = {e.id: e for e in result.entities}
    found = {(r.type, ids[r.source].value, ids[r.target].value) for r in result.relations}
    assert ("RECRUITED", "Marcus Delano Pryce", "Jane Doe #1") in found
    assert ("LOCATED_IN", "Marcus Delano Pryce", "Anaheim") in found
    assert ("LOCATED_IN", "Lucky Star Nail Spa", "Garden Grove") in found
    assert ("ASSOCIATE_OF", "Marcus Delano Pryce", "Kevin Holt") in {
        (t, *sorted([a, b], key=lambda v: v != "Marcus Delano Pryce")) for t, a, b in found
    }
    assert not [r for r in result.relations if r.type == "MENTIONED_TOGETHER"]


def test_classification_with_evidence(result: ExtractionResult) -> None:
    types = {t.type: t for t in result.classification.trafficking_types}
    assert "SexTrafficking" in types and types["SexTrafficking"].spans
    indicators = {i.type for i in result.classification.indicators}
    assert {"DocumentConfiscation", "ThreatsOrViolence", "OnlineAdvertising", "MinorInvolved"} <= indicators
    for i in result.classification.indicators:
        assert CASE[i.start : i.end] == i.text


def test_forced_labour_case(extractor: Extractor) -> None:
    text = (
        "Tomasz Examplewicz recruited Ilona Fakeova in Kraków with a false promise of a job. "
        "He transported her from Kraków to London, took her passport and made her work sixteen hours a day "
        "without pay at Riverside Cleaning Services to pay off a debt of £3,000."
    )
    result = extractor.extract(SourceDocument(id="labour", text=text))
    ids = {e.id: e for e in result.entities}
    found = {(r.type, ids[r.source].value, ids[r.target].value) for r in result.relations}
    assert ("RECRUITED", "Tomasz Examplewicz", "Ilona Fakeova") in found
    assert ("TRANSPORTED", "Tomasz Examplewicz", "Ilona Fakeova") in found
    assert ("TRANSPORTED_TO", "Ilona Fakeova", "London") in found
    indicators = {i.type for i in result.classification.indicators}
    assert {
        "FalseJobOffer",
        "DocumentConfiscation",
        "ExcessiveHours",
        "WithheldWages",
        "DebtBondage",
    } <= indicators
    assert "ForcedLabour" in {t.type for t in result.classification.trafficking_types}


def test_identifier_linked_only_when_the_sentence_says_so(extractor: Extractor) -> None:
    text = (
        "Nina Placeholder advertised her phone number (202) 555-0188 on the site. "
        "Omar Sample lives in Austin."
    )
    result = extractor.extract(SourceDocument(id="ids", text=text))
    ids = {e.id: e for e in result.entities}
    uses = [(ids[r.source].value, ids[r.target].value) for r in result.relations if r.type == "USES_PHONE"]
    assert uses == [("Nina Placeholder", "+12025550188")]


def test_order_kept_and_failures_isolated(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    from extraction.components import relations as relations_module

    original = relations_module.RelationFinder._find

    def explode(self, doc):  # type: ignore[no-untyped-def]
        if "EXPLODE" in doc.text:
            raise RuntimeError("boom")
        return original(self, doc)

    monkeypatch.setattr(relations_module.RelationFinder, "_find", explode)
    docs = [SourceDocument(id=f"d{i}", text=f"Ada Example{i} met Bo Sample in Leeds.") for i in range(5)]
    docs[2] = SourceDocument(id="d2", text="EXPLODE Ada Example met Bo Sample.")
    docs.append(SourceDocument(id="empty", text=""))
    results = list(extractor.extract_many(docs, batch_size=2))
    assert [r.id for r in results] == [d.id for d in docs]
    assert results[2].errors and results[2].errors[0].stage == "relations"
    assert "boom" in results[2].errors[0].reason
    assert results[2].entities, "other stages still ran"
    assert not any(r.errors for i, r in enumerate(results) if i != 2)


def test_two_processes_give_the_same_results_in_order(extractor: Extractor) -> None:
    docs = [SourceDocument(id="case-1", text=CASE)] + [
        SourceDocument(id=f"d{i}", text=f"Ada Example{i} met Bo Sample in Leeds. Call 555-01{i:02d}.")
        for i in range(6)
    ]
    docs.append(SourceDocument(id="empty", text=""))
    one = list(extractor.extract_many(docs, batch_size=2))
    two = list(extractor.extract_many(docs, n_process=2, batch_size=2))
    assert [r.id for r in two] == [d.id for d in docs]
    assert [r.model_dump() for r in two] == [r.model_dump() for r in one]
    assert any(e.type == "Person" for e in two[0].entities)


def test_doc_text_comes_from_the_source_only_when_it_is_the_same_text(extractor: Extractor) -> None:
    from extraction.components.base import _source_text, doc_text

    source = SourceDocument(id="t", text="Ada Example met Bo Sample in Leeds.\n")
    doc = extractor.nlp.make_doc(source.text)
    doc._context = source  # what nlp.pipe(as_tuples=True) sets while the components run
    assert _source_text(doc) is source.text and doc_text(doc) == doc.text
    other = extractor.nlp.make_doc("Completely different words here.")
    other._context = source
    assert _source_text(other) is None and doc_text(other) == other.text


def test_place_edges_abbreviations_hyphenated_towns_and_common_words(extractor: Extractor) -> None:
    text = (
        "Career Criminal Sentenced to 40 Years in Prison\n"
        "A Westmark-area man was sent to prison in the U.S. on Monday. He had lived in Washington, D.C. "
        "and in Houston-area shelters. A Westmark County Grand Jury indicted him."
    )
    places = {
        e.text for e in extractor.extract(SourceDocument(id="t", text=text)).entities if e.type in PLACES
    }
    assert {"U.S.", "D.C.", "Houston", "Westmark County"} <= places, places
    assert not any(p in {"Prison", "U.S", "D.C"} or p.endswith("-area") for p in places), places
