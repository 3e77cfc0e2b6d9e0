"""Rules that decide whether a network member is found at all (invented sentences, reserved numbers):
self-named speakers, people the NER types as organisations, first names, company names with a legal
form, unit addresses, and the speaker as the "me" of a testimony."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from extraction.components.base import add_mention, mentions
from extraction.components.linking import PersonLinker
from extraction.models import EntityMention, SourceDocument
from extraction.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(region="GB")


def entities(extractor: Extractor, text: str) -> list[EntityMention]:
    return extractor.extract(SourceDocument(id="t", text=text)).entities


def typed(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(e.type, e.text) for e in entities(extractor, text)}


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    result = extractor.extract(SourceDocument(id="t", text=text))
    by_id = {e.id: e for e in result.entities}
    value = {e.id: (by_id[e.ref] if e.ref else e).value for e in result.entities}
    return {(r.type, value[r.source], value[r.target]) for r in result.relations}


def linked(extractor: Extractor, text: str, spans: list[tuple[str, str, int, int]]) -> list[dict[str, Any]]:
    """Run only the linker on `text` with the given (type, method, start, end) mentions."""
    doc: Doc = extractor.nlp.make_doc(text)
    doc._.lantern_mentions = []
    for type_, method, start, end in spans:
        add_mention(doc, type_, start, end, text[start:end], 0.8, method)
    PersonLinker()(doc)
    return mentions(doc)


@pytest.mark.parametrize(
    "text, name",
    [
        ("My name is Zoryana. I come from Lviv and I was promised work.", "Zoryana"),
        ('"My name is Ilinca. They took my passport in Varna."', "Ilinca"),
        ("I am called Teodora Rusnak and I worked in the kitchen.", "Teodora Rusnak"),
        ('"Someone called Bogdan Vakar posted in a group for people leaving."', "Bogdan Vakar"),
        ("A woman named Oksana Hrytsak offered me a job.", "Oksana Hrytsak"),
    ],
)
def test_a_self_named_speaker_is_a_person(extractor: Extractor, text: str, name: str) -> None:
    assert ("Person", name) in typed(extractor, text)


def test_the_speaker_is_the_me_of_a_testimony(extractor: Extractor) -> None:
    text = (
        "My name is Ilinca. I come from Varna. A man gave me the number 07700 900555 and said "
        "his colleague Dorin Albu would drive me."
    )
    assert ("TRANSPORTED", "Dorin Albu", "Ilinca") in triples(extractor, text)


def test_without_a_speaker_me_is_nobody(extractor: Extractor) -> None:
    text = "A man said his colleague Dorin Albu would drive me to the border."
    assert not any(t[0] == "TRANSPORTED" for t in triples(extractor, text))


def test_an_organisation_whose_surname_is_used_alone_is_a_person(extractor: Extractor) -> None:
    text = "The trial of Edith Marchbank began. The prosecution says Marchbank owns the firm."
    found = linked(extractor, text, [("Organization", "ner", 13, 28)])
    assert found[0]["type"] == "Person"


def test_an_organisation_described_with_a_persons_role_is_a_person(extractor: Extractor) -> None:
    text = "A phone seized from Dorin Albu, a driver from Iasi, was examined."
    found = linked(extractor, text, [("Organization", "ner", 20, 30)])
    assert found[0]["type"] == "Person"


def test_a_real_organisation_stays_an_organisation(extractor: Extractor) -> None:
    text = "Greenfield Harvest hired pickers. Greenfield Harvest paid nothing."
    found = linked(extractor, text, [("Organization", "ner", 0, 18), ("Organization", "ner", 34, 52)])
    assert [m["type"] for m in found] == ["Organization", "Organization"]
    pattern = linked(
        extractor, "Marchbank Staffing hired her. Marchbank said no.", [("Organization", "pattern", 0, 18)]
    )
    assert pattern[0]["type"] == "Organization"  # pattern-typed names keep their class


@pytest.mark.parametrize(
    "text, span",
    [
        ("NORTHERN CALIFORNIA MAN CHARGED. A man from Northern CALIFORNIA was held.", (0, 19)),
        ("Prior Convictions\nPossession of a firearm. The court noted the Possession count.", (0, 29)),
        ("Harbor Freight sold tools. Freight rose again.", (0, 14)),  # sentence-initial only
    ],
)
def test_headings_and_capitals_are_not_retyped(
    extractor: Extractor, text: str, span: tuple[int, int]
) -> None:
    found = linked(extractor, text, [("Organization", "ner", *span)])
    assert found[0]["type"] == "Organization"


def test_a_first_name_the_ner_typed_otherwise_refers_to_the_person(extractor: Extractor) -> None:
    text = "Radu Ionescu was 30 when he left. Radu says a driver met the group."
    found = linked(extractor, text, [("Person", "ner", 0, 12), ("Organization", "ner", 34, 38)])
    first = next(m for m in found if m["start"] == 34)
    assert first["type"] == "Person" and first["ref"] == found[0]["key"] and first["value"] == "Radu Ionescu"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Police raided the premises of Kowalmex Sp. z o.o. on Tuesday morning.", "Kowalmex Sp. z o.o."),
        ("The minibus belonged to Vântul Logistic SRL, investigators said.", "Vântul Logistic SRL"),
        ("Wages were paid by Brennan Fresh Produce Ltd every month.", "Brennan Fresh Produce Ltd"),
        ("The Ørsted Cleaning GmbH office was closed.", "Ørsted Cleaning GmbH"),
    ],
)
def test_company_names_with_a_legal_form_are_whole(extractor: Extractor, text: str, name: str) -> None:
    found = entities(extractor, text)
    whole = [e for e in found if e.text == name]
    assert whole and whole[0].type in {"Business", "EmploymentAgency", "TransportCompany"}, found
    assert not any(e.type == "Person" for e in found)


def test_a_unit_address_is_not_a_court(extractor: Extractor) -> None:
    text = "On arrival she was taken to Unit 4, Quayside Court, Cork 2, where others lived."
    found = typed(extractor, text)
    assert ("Address", "Unit 4, Quayside Court, Cork 2") in found
    assert not any(t == "Authority" for t, _ in found)
    assert ("Authority", "Quayside Court") in typed(extractor, "The appeal went to the Quayside Court, Cork.")
