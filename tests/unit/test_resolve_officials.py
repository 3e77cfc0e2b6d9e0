"""The matching rule for an office's official name forms (graph.resolve_officials); fictional names."""

from __future__ import annotations

import itertools

import pytest

from graph.resolve_officials import (
    canonical_names,
    doc_official_for_given_name,
    is_form_of,
    name_words,
    official_for,
    untitled_forms,
)


def test_name_words_drop_dots_case_and_name_suffixes() -> None:
    assert name_words("person:Talia R. Brandt Jr.") == ["talia", "r", "brandt"]
    assert name_words("Brandt") == ["brandt"]


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("okafor", "miriam ada okafor"),  # surname only
        ("miriam okafor", "miriam ada okafor"),  # no middle name
        ("m. okafor", "miriam ada okafor"),  # initial
        ("m. a. okafor", "miriam ada okafor"),  # initials
        ("m okafor", "miriam okafor"),  # same length, the initial says less
        ("talia brandt", "talia r. brandt jr."),  # suffix aside
        ("mike okafor", "michael okafor"),  # a short given name
        ("bill a. okafor", "william ada okafor"),
    ],
)
def test_shorter_and_initialled_forms_are_forms_of_the_full_name(short: str, full: str) -> None:
    assert is_form_of(short, full)
    assert not is_form_of(full, short)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("okafor", "okafor"),  # the same name is not a shorter form
        ("daniel okafor", "miriam ada okafor"),  # another first name
        ("d. okafor", "miriam okafor"),  # another initial
        ("ada miriam okafor", "miriam ada okafor"),  # words out of order
        ("miriam", "miriam okafor"),  # a first name alone is not a surname
        ("okafor-lind", "miriam okafor"),  # another surname
        ("mike okafor", "mitchell okafor"),  # not a short form of that name
        ("chris okafor", "christine ada okafor lind"),  # another surname
        ("", "miriam okafor"),
    ],
)
def test_other_names_are_not_forms(short: str, full: str) -> None:
    assert not is_form_of(short, full)


def test_every_form_maps_to_the_one_fullest_name_of_the_office() -> None:
    names = ["okafor", "miriam okafor", "m. okafor", "miriam ada okafor", "talia brandt"]
    canon = canonical_names(names)
    assert canon == {
        "okafor": "miriam ada okafor",
        "miriam okafor": "miriam ada okafor",
        "m. okafor": "miriam ada okafor",
        "miriam ada okafor": "miriam ada okafor",
        "talia brandt": "talia brandt",
    }


def test_between_officials_a_truncated_name_is_a_form_of_the_full_one() -> None:
    assert is_form_of("miriam ada", "miriam ada okafor", truncated=True)
    assert is_form_of("miriam", "miriam ada okafor", truncated=True)
    assert not is_form_of("miriam ada", "miriam ada okafor")  # not for an untitled mention
    assert not is_form_of("ada okafor", "miriam okafor", truncated=True)
    canon = canonical_names(["miriam ada", "miriam ada okafor", "talia", "talia brandt", "talia reyes"])
    assert canon["miriam ada"] == "miriam ada okafor"
    assert canon["talia"] == "talia"  # two officials called Talia


def test_a_surname_shared_by_two_officials_stays_apart() -> None:
    canon = canonical_names(["okafor", "miriam okafor", "daniel okafor", "m. okafor"])
    assert canon["okafor"] == "okafor"  # two officials could be meant
    assert canon["m. okafor"] == "miriam okafor"  # the initial tells them apart
    assert canon["daniel okafor"] == "daniel okafor"


def test_a_short_given_name_that_two_officials_could_have_stays_apart() -> None:
    canon = canonical_names(["chris okafor", "christine okafor", "christopher okafor", "mike brandt"])
    assert canon["chris okafor"] == "chris okafor"
    assert canonical_names(["chris okafor", "christine okafor"])["chris okafor"] == "christine okafor"
    assert official_for("mike brandt", {"michael t. brandt"}) == "michael t. brandt"


def test_two_fuller_names_that_disagree_leave_the_shorter_form_alone() -> None:
    canon = canonical_names(["miriam okafor", "miriam ada okafor", "miriam lee okafor"])
    assert canon["miriam okafor"] == "miriam okafor"


def test_the_mapping_does_not_depend_on_the_order_of_the_names() -> None:
    names = ["okafor", "m. okafor", "miriam okafor", "miriam ada okafor", "talia brandt", "brandt"]
    first = canonical_names(names)
    for perm in itertools.permutations(names):
        assert canonical_names(perm) == first


def test_an_untitled_mention_finds_the_office_official_it_names() -> None:
    officials = {"miriam ada okafor", "talia brandt"}
    assert official_for("okafor", officials) == "miriam ada okafor"
    assert official_for("talia brandt", officials) == "talia brandt"
    assert official_for("brandt", officials) == "talia brandt"
    assert official_for("daniel okafor", officials) is None
    assert official_for("okafor", officials | {"daniel okafor"}) is None
    assert official_for("zeller", officials) is None
    assert official_for("miriam", officials) is None  # a first name alone: perhaps a victim


def test_titles_glued_onto_a_name_are_not_part_of_it() -> None:
    assert name_words("person:General Okafor") == ["okafor"]  # cut from "Attorney General Okafor"
    assert name_words("El Jefe Brandt") == ["brandt"]
    assert name_words("Dr. Talia Brandt") == ["talia", "brandt"]
    assert name_words("Judge") == ["judge"]  # the last word stays
    assert name_words("Ada Okafor") == ["ada", "okafor"]  # a given name that is also an abbreviation
    officials = {"miriam ada okafor", "brandt"}
    assert official_for("general okafor", officials) == "miriam ada okafor"
    assert official_for("el jefe brandt", officials) == "brandt"
    assert official_for("general okafor", officials | {"daniel okafor"}) is None  # still ambiguous
    assert is_form_of("general okafor", "miriam okafor")


def test_a_place_or_agency_glued_onto_a_full_official_name() -> None:
    officials = {"miriam ada okafor", "talia brandt"}
    assert official_for("westbrook miriam ada okafor", officials) == "miriam ada okafor"
    assert official_for("distrito talia brandt", officials) == "talia brandt"
    # only onto a full name of two words or more: "Westbrook Okafor" could be anyone called Okafor
    assert official_for("daniel westbrook okafor", {"okafor"}) is None
    assert official_for("westbrook okafor", {"okafor"}) is None


def test_a_first_name_alone_is_the_release_s_only_official_of_that_name() -> None:
    officials = {"miriam ada okafor", "talia brandt"}
    people = ["miriam ada okafor", "miriam okafor", "talia brandt", "miriam", "jon vale"]
    assert doc_official_for_given_name("miriam", people, officials) == "miriam ada okafor"
    assert doc_official_for_given_name("talia", [*people, "talia"], officials) == "talia brandt"
    # another person of the release with that first name: the first name alone could be them
    assert doc_official_for_given_name("miriam", [*people, "miriam lund"], officials) is None
    # no official of that first name, two officials of it, or a surname-only official
    assert doc_official_for_given_name("jon", people, officials) is None
    assert doc_official_for_given_name("miriam", people, officials | {"miriam lee"}) is None
    assert doc_official_for_given_name("okafor", people, {"okafor"}) is None
    assert doc_official_for_given_name("miriam okafor", people, officials) is None  # not a first name alone
    assert doc_official_for_given_name("mike", ["michael roe", "mike"], {"michael roe"}) == "michael roe"
    assert doc_official_for_given_name("m", ["michael roe", "m"], {"michael roe"}) is None


def test_untitled_forms_list_every_surname_form_of_an_official() -> None:
    assert untitled_forms("person:miriam ada okafor") == [
        "a okafor", "ada okafor", "m a okafor", "m ada okafor", "m okafor", "miriam a okafor",
        "miriam ada okafor", "miriam okafor", "okafor",
    ]  # fmt: skip
    officials = {"person:miriam ada okafor", "person:daniel okafor"}
    found = [f for f in untitled_forms("person:miriam ada okafor") if official_for(f, officials)]
    assert "okafor" not in found and "miriam okafor" in found  # "Okafor" could be Daniel
