"""Person and organisation spans: titles, agencies and headline words stay out; phrases that are not
names never become people or organisations (issue 21, fictional text)."""

from __future__ import annotations

import pytest

from extraction.models import SourceDocument
from extraction.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _people(extractor: Extractor, text: str) -> set[str]:
    return {
        e.text for e in extractor.extract(SourceDocument(id="t", text=text)).entities if e.type == "Person"
    }


def _orgs(extractor: Extractor, text: str) -> set[str]:
    result = extractor.extract(SourceDocument(id="t", text=text))
    return {e.text for e in result.entities if e.type in {"Organization", "Authority", "Business", "NGO"}}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The case was prosecuted by ADA Marisol Quenby of the Felony Trial Bureau.", "Marisol Quenby"),
        ("Detectives Tobias Quillon and Ada Brightwater arrested the man on Monday.", "Tobias Quillon"),
        ("Attorney General Kenrick Paxby said the office would appeal the ruling.", "Kenrick Paxby"),
        ("In the case of State v. Bobby Moorland the court ruled for the defence.", "Bobby Moorland"),
        ("The defendant, Errol Spenton Jr., was sentenced to ten years in prison.", "Errol Spenton Jr."),
    ],
)
def test_titles_and_captions_stay_out_of_the_name(extractor: Extractor, text: str, name: str) -> None:
    people = _people(extractor, text)
    assert name in people, people
    assert not any(p != name and name in p for p in people), people


def test_headline_words_are_cut_from_a_name(extractor: Extractor) -> None:
    text = (
        "Kestrel County Jury Finds Charles Phiddler Guilty of Murder in Robbery Case\n"
        "A Kestrel County jury found Charles Phiddler guilty of murder on Monday."
    )
    people = _people(extractor, text)
    assert "Charles Phiddler" in people
    assert not any("Guilty" in p for p in people), people


@pytest.mark.parametrize(
    "phrase",
    ["Bodily Injury", "Grand Jury", "Case Background", "Westbury Man Sentenced", "Bank Officer"],
)
def test_title_case_phrases_are_not_people(extractor: Extractor, phrase: str) -> None:
    text = f"{phrase}\nThe grand jury heard that the bank officer suffered serious bodily injury in Westbury."
    assert phrase not in _people(extractor, text)


def test_no_person_span_runs_over_a_line_break(extractor: Extractor) -> None:
    text = "Suspect: Marisol Quenby Ashdown\nDOB 01/02/1980\nWanted for robbery in Westbury."
    assert not any("\n" in p for p in _people(extractor, text))


def test_headlines_and_crime_names_are_not_organisations(extractor: Extractor) -> None:
    text = (
        "Westbury Man Sentenced to Life in Prison for Killing Girlfriend\n"
        "He was convicted of Capital Murder and Aggravated Sexual Assault. The Domestic Violence "
        "Division of the Kestrel County District Attorney's Office handled the case."
    )
    orgs = _orgs(extractor, text)
    assert "Domestic Violence Division" in orgs or any("Domestic Violence Division" in o for o in orgs), orgs
    assert not any("Sentenced" in o or o in {"Capital Murder", "Aggravated Sexual Assault"} for o in orgs), (
        orgs
    )


def test_trailing_acronym_is_its_own_mention(extractor: Extractor) -> None:
    text = "Officers of the Kestrel Bay Police Department (KBPD) arrested him. KBPD expects more arrests."
    orgs = _orgs(extractor, text)
    assert "Kestrel Bay Police Department" in orgs and "KBPD" in orgs, orgs


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ("Police found a Dallas Stars jersey near the scene.", "Dallas", True),
        ("The NCJW Dallas chapter helped the family.", "Dallas", True),
        ("He grew up in Dallas, Texas, and moved away.", "Dallas", False),
        ("He moved to North Dallas last year.", "Dallas", False),
        ("Houston Man Sentenced to Life for Killing Friend in Robbery", "Houston", False),  # headline
    ],
)
def test_sweep_skips_a_place_inside_a_longer_name(
    extractor: Extractor, text: str, word: str, inside: bool
) -> None:
    from extraction.components.locations import inside_longer_name

    doc = extractor.nlp.make_doc(text)
    for name, proc in extractor.nlp.pipeline:
        if not name.startswith("lantern"):
            doc = proc(doc)
    token = next(t for t in doc if t.text == word)
    assert inside_longer_name(doc, [token]) is inside
