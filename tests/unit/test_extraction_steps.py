"""Each step of the pipeline keeps what the steps before it got right (issue 21: a component that
lowers F1 on any source is fixed or gated). Fictional text; each test builds the pipeline only up to
the step it checks, as `lantern evaluate extraction --ablation` does."""

from __future__ import annotations

import pytest

from extraction.models import SourceDocument
from extraction.pipeline import Extractor

UP_TO_LOCATIONS = ("lantern_identifiers", "lantern_entities", "lantern_locations")


@pytest.fixture(scope="module")
def up_to_locations() -> Extractor:
    return Extractor(components=UP_TO_LOCATIONS)


def _typed(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    result = extractor.extract(SourceDocument(id="t", text=text))
    return [(e.text, e.type) for e in result.entities]


def test_a_surname_that_is_a_town_stays_the_person_the_document_named(up_to_locations: Extractor) -> None:
    text = (
        "Marcus Delwyn Allen and Tobias Quillon were convicted in Plano, Texas, in 1999. "
        "A judge freed Quillon and Allen last week after new evidence came to light."
    )
    typed = _typed(up_to_locations, text)
    allen = [t for name, t in typed if name == "Allen"]
    assert allen, typed
    assert all(t == "Person" for t in allen), typed


def test_a_name_after_a_to_of_giving_is_the_recipient_not_a_town(up_to_locations: Extractor) -> None:
    text = (
        "Marcus Jackson met the women in Irvine. The women were forced to give the money they were paid "
        "to Jackson. He later drove them to Jackson, Mississippi."
    )
    jackson = [t for name, t in _typed(up_to_locations, text) if name == "Jackson"]
    assert jackson == ["Person", "City"], jackson


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from extraction.pipeline import load_model

    return load_model("en_core_web_sm")


@pytest.mark.parametrize(
    ("sentence", "name", "shape"),
    [
        # a force noun ends an agency's name; nameparser lists "police" as a title
        ("The lorry was stopped by the Westmark Border Police on Monday.", "Westmark Border Police", "keep"),
        # a lower-case force noun is no name ("Santa Ana police": only the town is annotated)
        ("Officers of the Kestrel Springs police arrived.", "Kestrel Springs police", "reject"),
        # a title before a name is a person's title, whatever the surname
        (
            "The case was tried by Deputy District Attorney Rebecca Pricewell on Monday.",
            "Deputy District Attorney Rebecca Pricewell",
            "reject",
        ),
        # a title before a name is a person's title
        ("The plea was accepted by Judge Marisol Quenby on Friday.", "Judge Marisol Quenby", "reject"),
        ("The case was argued by the Lead Prosecutor on Friday.", "Lead Prosecutor", "reject"),
    ],
)
def test_the_name_shape_check_keeps_agency_names_and_rejects_titles(
    nlp,
    sentence: str,
    name: str,
    shape: str,  # type: ignore[no-untyped-def]
) -> None:
    from extraction.components.name_shape import organisation_shape

    doc = nlp(sentence)
    start = sentence.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    assert organisation_shape(span, keyword_typed=False) == shape


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ("A review was asked for by the Innocence Project of Texas last year.", "Texas", True),
        ("The family prays at the First Baptist Church of Lancaster on Sundays.", "Lancaster", True),
        ("He was a witness for the State of Texas at the trial.", "Texas", False),
        ("The murder of Dallas teenagers shocked the city.", "Dallas", False),
    ],
)
def test_the_sweep_skips_a_place_that_ends_an_of_name(nlp, text: str, word: str, inside: bool) -> None:  # type: ignore[no-untyped-def]
    from extraction.components.locations import inside_longer_name

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert inside_longer_name(doc, [token]) is inside


def test_a_place_after_a_persons_name_is_still_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    from extraction.components.locations import inside_longer_name

    doc = nlp("The victim, Shavonne Fieldsworth of Lancaster, was thirteen years old.")
    town = next(t for t in doc if t.text == "Lancaster")
    person = frozenset(t.i for t in doc if t.text in {"Shavonne", "Fieldsworth"})
    assert inside_longer_name(doc, [town], person) is False


def test_an_everyday_first_name_does_not_vouch_for_an_everyday_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    from extraction.components.name_shape import unsupported_name_plausible

    doc = nlp("They filed a Red Notice after the Murder of Jordan Edwards and Tyrone Day.")
    assert not unsupported_name_plausible(doc[3:5])  # "Red Notice"
    assert unsupported_name_plausible(doc[9:11])  # "Jordan Edwards"
    assert unsupported_name_plausible(doc[12:14])  # "Tyrone Day"


def test_a_prosecutors_title_in_capitals_is_not_part_of_an_organisation(up_to_locations: Extractor) -> None:
    # the NER's span is set by hand: the sm model puts "ADA Name" in an ORG only in some contexts
    from spacy.tokens import Span

    from extraction.components.base import mentions

    nlp = up_to_locations.nlp
    doc = nlp.make_doc("Special thanks to ADA Klarissa Quenby and ADA Summer for their work.")
    for name, component in nlp.pipeline:
        if name == "lantern_entities":
            break
        doc = component(doc)
    doc.ents = [Span(doc, 3, 6, label="ORG"), Span(doc, 7, 9, label="ORG")]
    doc = nlp.get_pipe("lantern_entities")(doc)
    found = {(m["text"], m["type"]) for m in mentions(doc)}
    assert ("Klarissa Quenby", "Person") in found, found
    assert not any(text.startswith("ADA") or text == "Summer" for text, _ in found), found


def test_a_first_name_that_is_a_country_is_the_person_named_in_full_however_often() -> None:
    # "Jordan Pellworth" three times is still one person: "Jordan" alone refers to them (the NER: Country)
    text = " ".join([
        "Officer Convicted of Murder of Jordan Pellworth\nThe officer was convicted for the murder of",
        "15 year old Jordan Pellworth. In the spring, Jordan Pellworth and a group of teenagers were",
        "leaving a party when the officer fired into the car Jordan was riding in.",
        "“I wanted justice for Jordan,” said the District Attorney.",
    ])  # fmt: skip
    result = Extractor().extract(SourceDocument(id="t", text=text))
    alone = [e for e in result.entities if e.text == "Jordan"]
    assert len(alone) == 2 and all(e.type == "Person" and e.ref for e in alone), alone


@pytest.mark.parametrize(
    ("text", "tagged", "label", "expected"),
    [
        # the NER ran a name into a release's header block (seen on a real release): the first line
        ("Police visited the Kestrel Gardens\nFOR IMMEDIATE RELEASE\nDate: 14 January\nLong Beach police.",
         "Kestrel Gardens\nFOR IMMEDIATE RELEASE\nDate: 14 January\nLong Beach", "FAC",
         ("Location", "Kestrel Gardens")),
        # into an address on the next line: the first line
        ("Investors should call the Kestrel Securities Board\n8700 N Harlow Freeway today.",
         "Kestrel Securities Board\n8700 N Harlow Freeway", "ORG",
         ("Organization", "Kestrel Securities Board")),
        # a name broken over two lines of a narrow column stays whole
        ("The award came from the Kestrel Valley\nFoundation last spring.",
         "Kestrel Valley\nFoundation", "ORG",
         ("NGO", "Kestrel Valley\nFoundation")),
    ],
)  # fmt: skip
def test_a_name_the_ner_ran_over_several_lines_keeps_its_first_line(
    text: str, tagged: str, label: str, expected: tuple[str, str]
) -> None:
    from spacy.tokens import Doc

    from extraction.components.base import mentions

    nlp = Extractor().nlp
    doc: Doc = nlp.make_doc(text)
    for name, step in nlp.pipeline:
        if name.startswith("lantern_"):
            break
        doc = step(doc)
    start = text.index(tagged)
    span = doc.char_span(start, start + len(tagged), label=label, alignment_mode="expand")
    assert span is not None
    doc.ents = [span]
    for name in ("lantern_identifiers", "lantern_entities"):
        doc = nlp.get_pipe(name)(doc)
    assert expected in [(m["type"], m["text"]) for m in mentions(doc)], mentions(doc)
