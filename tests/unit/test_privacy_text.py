"""Masking on the text (graph.privacy_text): lexicon values, name parts, person-shaped businesses,
obfuscated identifiers, fixed-length tokens."""

from __future__ import annotations

import re

import pytest

from graph import privacy
from graph.privacy_text import Lexicon, lexicon_from_rows, person_shaped, reveals, scrub


@pytest.fixture(autouse=True)
def _secret() -> None:
    privacy.configure("unit-test-secret")


def _lexicon() -> Lexicon:
    return lexicon_from_rows(
        [
            {"id": "person:larysa bondar", "kind": "Person", "labels": ["Person"], "name": "Larysa Bondar"},
            {"id": "business:celia whitcombe", "kind": "Business", "name": "Celia Whitcombe"},
            {"id": "business:clean supplies co", "kind": "Business", "name": "Clean Supplies Co"},
            {"id": "phone:+447700900101", "kind": "Phone", "labels": ["Phone"], "value": "+447700900101",
             "texts": ["07700 900101"]},
        ]
    )  # fmt: skip


def test_known_names_parts_and_person_shaped_businesses_are_scrubbed_for_auditors() -> None:
    text = "Larysa met Celia Whitcombe of Clean Supplies Co; Bondar called 07700 900101."
    out = scrub(text, "auditor", _lexicon()) or ""
    assert "Larysa" not in out and "Bondar" not in out and "Celia" not in out and "900101" not in out
    assert "Clean Supplies Co" in out and "[phone]" in out
    assert re.findall(r"Person [0-9a-f]{6}", out).__len__() == 3
    analyst = scrub(text, "analyst", _lexicon()) or ""
    assert "Celia Whitcombe" in analyst and "Larysa" in analyst and "900101" not in analyst
    assert scrub(text, "investigator", _lexicon()) == text


def test_lower_case_parts_only_in_generated_strings() -> None:
    assert scrub("it may be bondar", "auditor", _lexicon()) == "it may be bondar"
    assert "bondar" not in (scrub("petrov bondar", "auditor", _lexicon(), any_case=True) or "")
    assert "larysa" not in (scrub("same normalised name 'larysa bondar'", "auditor", _lexicon()) or "")


@pytest.mark.parametrize(
    "text",
    [
        "call o77oo nine zero zero 3 0 1 now",
        "call +44 (0) 7700 900 301 now",
        "call seven seven zero zero nine zero zero three zero one now",
        "write to lena [at] example [dot] org now",
        "write to lena(at)example.org now",
        "write to lena at example dot org now",
        "write to lena.b@example.org now",
        "pay GB33 BUKB 2020 1555 5555 55 now",
    ],
)
def test_identifier_shapes_are_masked_without_a_lexicon(text: str) -> None:
    out = scrub(text, "analyst", Lexicon()) or ""
    assert out.startswith(("call [phone] now", "write to [email] now", "pay [account] now")), out


@pytest.mark.parametrize(
    "text", ["on 2024-03-01 and 12/05/2024", "one or two of them", "case 12345", "met at Leeds. Then"]
)
def test_prose_dates_and_short_numbers_stay(text: str) -> None:
    assert scrub(text, "auditor", Lexicon()) == text


def test_tokens_have_a_fixed_length_and_reveals_lists_clear_disclosures() -> None:
    lex = _lexicon()
    lex.add("Person", "Bo Li", "person:bo li")
    out = scrub("Bo Li and Celia Whitcombe", "auditor", lex) or ""
    assert [len(t) for t in re.findall(r"Person [0-9a-f]+", out)] == [13, 13]
    assert reveals("Larysa Bondar and Celia Whitcombe", lex, "investigator") == [
        "business:celia whitcombe",
        "person:larysa bondar",
    ]
    assert reveals("Larysa Bondar", lex, "auditor") == []


def test_person_shape() -> None:
    assert person_shaped("Celia Whitcombe")
    assert not person_shaped("Clean Supplies Co") and not person_shaped("Green Valley Farm")
    assert not person_shaped("Leeds")
