"""Organisation names found by the authority/NGO/business patterns get the edges English gives
them, not the pattern's (issue 21, fictional sentences)."""

from __future__ import annotations

import pytest

from extraction.models import SourceDocument
from extraction.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _org_mentions(extractor: Extractor, text: str) -> list[str]:
    result = extractor.extract(SourceDocument(id="t", text=text))
    return [e.text for e in result.entities if e.type in {"Organization", "Authority", "Business", "NGO"}]


def _orgs(extractor: Extractor, text: str) -> set[str]:
    return set(_org_mentions(extractor, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a rank word before a possessive or a head noun is the name, not a title
        ("Marlow said the District Attorney’s Office would not appeal.", "District Attorney’s Office"),
        # no name ends on "of": it runs on over the capitalised words
        (
            "The appeal went to the Westmark Court of Criminal Appeals in May.",
            "Westmark Court of Criminal Appeals",
        ),
        # a head noun completes a name the pattern cut short
        ("Members of the Kestrel Police Association met on Monday.", "Kestrel Police Association"),
        # numbered courts keep their number, before and after
        ("He was sentenced in the 412th Judicial District Court on Friday.", "412th Judicial District Court"),
        ("The trial is set in Criminal District Court No. 7 next week.", "Criminal District Court No. 7"),
        # the state written in front of "Department of"
        (
            "Agents of the Westmark Department of Motor Vehicles helped.",
            "Westmark Department of Motor Vehicles",
        ),
        # an agency acronym in front belongs to the name
        (
            "The FBI Kestrel Violent Crimes Task Force made the arrest.",
            "FBI Kestrel Violent Crimes Task Force",
        ),
        # one word between a rank word and the head: part of the unit's name
        ("Detective Ada Brightwater of the Special Victims Unit testified.", "Special Victims Unit"),
        # an abbreviation keeps its period
        (
            "The case was referred by Lanternfield Ministries, Inc. last year.",
            "Lanternfield Ministries, Inc.",
        ),
    ],
)
def test_organisation_name_edges(extractor: Extractor, text: str, name: str) -> None:
    orgs = _orgs(extractor, text)
    assert name in orgs, orgs


def test_an_agency_name_drops_its_possessive_and_stays_apart_from_its_unit(extractor: Extractor) -> None:
    text = "Investigators of the Kestrel County District Attorney’s Fugitive Apprehension Unit found him."
    orgs = _orgs(extractor, text)
    assert "Kestrel County District Attorney" in orgs, orgs
    assert not any(o.endswith("’s") or ("Attorney" in o and "Unit" in o) for o in orgs), orgs


def test_a_business_keeps_its_possessive(extractor: Extractor) -> None:
    orgs = _orgs(extractor, "The victim was found behind a McDonald’s on Route 9 in Westmark.")
    assert "McDonald’s" in orgs, orgs


def test_a_name_starts_after_a_sentence_break_or_a_headline_verb(extractor: Extractor) -> None:
    orgs = _orgs(
        extractor,
        "Charges Dismissed Against Three Kestrel Police Officers\n"
        "The complaint was signed by Reverend Amos Tillery Jr. The Conviction Integrity Unit reviewed it.",
    )
    assert "Conviction Integrity Unit" in orgs, orgs
    assert not any("Dismissed" in o or "Three" in o or "Tillery" in o for o in orgs), orgs


def test_a_name_ends_before_a_closed_acronym_and_an_unclosed_parenthesis(extractor: Extractor) -> None:
    orgs = _orgs(
        extractor,
        "Agents of U.S. Immigration and Customs Enforcement (ICE) Office staff and the Department of "
        "Justice (DOJ grant funds) took part.",
    )
    assert not any(o.endswith("Office") and "Enforcement" in o for o in orgs), orgs
    assert not any("(" in o and ")" not in o for o in orgs), orgs


def test_a_name_never_starts_inside_a_hyphenated_word(extractor: Extractor) -> None:
    orgs = _orgs(extractor, "She was referred to the Bright Lane Anti-Exploitation Trust in May.")
    assert "Bright Lane Anti-Exploitation Trust" in orgs, orgs


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "She packed boxes in Lindau. Kestrelwald Haulage GmbH paid her nothing.",
            "Kestrelwald Haulage GmbH",
        ),
        ("The windows were made by Vltavin Glassworks a.s. near the border.", "Vltavin Glassworks a.s."),
    ],
)
def test_a_company_name_with_a_legal_form_starts_after_a_sentence_break(
    extractor: Extractor, text: str, name: str
) -> None:
    orgs = _orgs(extractor, text)
    assert name in orgs, orgs
    assert not any("." in o.split()[0] for o in orgs), orgs


@pytest.mark.parametrize(
    ("text", "units", "office"),
    [
        # a unit written right after its office is a name of its own, whatever its head noun
        (
            "The Kestrel County District Attorney’s Office Cold Case Team reopened the file.",
            {"Cold Case Team"},
            "Kestrel County District Attorney’s Office",
        ),
        (
            "Chief of the Westmark County DA’s Office Crimes Against Children Division, said so.",
            {"Crimes Against Children Division"},
            "Westmark County DA’s Office",
        ),
        # a name broken over a line (text converted from PDF) is still one name
        (
            "It was reviewed by the Kestrel County District Attorney’s Office Conviction\nIntegrity Unit.",
            {"Conviction\nIntegrity Unit"},
            "Kestrel County District Attorney’s Office",
        ),
    ],
)
def test_a_unit_after_its_office_is_found_beside_the_office(
    extractor: Extractor, text: str, units: set[str], office: str
) -> None:
    orgs = _orgs(extractor, text)
    assert units | {office} <= orgs, orgs


def test_unit_heads_name_units_but_not_numbered_parts_or_headline_words(extractor: Extractor) -> None:
    orgs = _orgs(
        extractor,
        "Man Convicted After Investigation By Gang Unit\n"
        "Penal Code Section 236.1 defines coercion. The Appellate Section and the Special Victims Trial "
        "Bureau filed the brief; the file is kept in Unit 4 of the annex.",
    )
    assert {"Gang Unit", "Appellate Section"} <= orgs, orgs
    assert not any(o.endswith("Section") and "Code" in o for o in orgs), orgs
    assert not any("By" in o.split() or "Investigation" in o for o in orgs), orgs


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name whose head comes first ends before a headline's verb instead of starting after it
        ("Department of Justice Announces Charges Against Three Men", "Department of Justice"),
        (
            "Office of the District Attorney Announces Charges Against Three Men",
            "Office of the District Attorney",
        ),
        # "Office of the …" names an office, and ends before a person's name
        ("A grant from the Office of the Governor Amos Tillery funds the post.", "Office of the Governor"),
    ],
)
def test_a_head_first_name_ends_before_a_verb_or_a_person(extractor: Extractor, text: str, name: str) -> None:
    orgs = _orgs(extractor, text)
    assert name in orgs, orgs
    assert not any("Charges" in o or "Tillery" in o for o in orgs), orgs


def test_criminal_groups_are_organisations_by_name_and_by_how_sets_are_named(extractor: Extractor) -> None:
    orgs = _orgs(
        extractor,
        "Members of MS-13, also known as Mara Salvatrucha, and the 52 Hoover Crips met the Fulton clique of "
        "the Latin Kings. The Sinaloa Cartel supplied them; Black Kings is a band from Westmark.",
    )
    assert {
        "MS-13",
        "Mara Salvatrucha",
        "52 Hoover Crips",
        "Fulton clique",
        "Latin Kings",
        "Sinaloa Cartel",
    } <= orgs
    assert "Black Kings" not in orgs, orgs


def test_a_numbers_compound_is_no_name(extractor: Extractor) -> None:
    orgs = _orgs(
        extractor, "Man Pleads to Two 25-Year Prison Sentences\nHe was held at the Westmark County Jail."
    )
    assert "Westmark County Jail" in orgs, orgs
    assert not any("Year" in o for o in orgs), orgs


def test_a_lone_head_noun_is_no_name(extractor: Extractor) -> None:
    orgs = _orgs(
        extractor,
        "The parties submitted briefs and the Court signed the findings. The Court\nso ordered his case "
        "dismissed, and the Westmark County Court of Appeals agreed.",
    )
    assert "Court" not in orgs, orgs


# acronyms a document defines say what the abbreviated words are
def test_a_defined_organisation_is_named_in_full_and_by_its_acronym_everywhere(extractor: Extractor) -> None:
    orgs = _org_mentions(
        extractor,
        "The DA, with the National Council of Jewish Women Kestrel (NCJW) and the Kestrel Children’s "
        "Advocacy Center (KCAC), announced the programme. Members of NCJW and KCAC attended.",
    )
    assert "National Council of Jewish Women Kestrel" in orgs, orgs
    assert "Kestrel Children’s Advocacy Center" in orgs, orgs
    assert orgs.count("NCJW") == 2 and orgs.count("KCAC") == 2, orgs


def test_a_law_named_with_its_acronym_is_no_organisation(extractor: Extractor) -> None:
    # "Senate" does not make a bill an authority, in full or as its acronym
    orgs = _org_mentions(extractor, "Westmark Senate Bill (SB) 912 makes it a felony. SB 912 passed in May.")
    assert "SB" not in orgs and not any("Bill" in o for o in orgs), orgs
