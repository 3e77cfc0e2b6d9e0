"""Region inference for phone numbers: the document's own evidence, then the configured region."""

from __future__ import annotations

import pytest

from extraction.components.phone_regions import infer_regions
from extraction.components.phones import find_phones


def read(text: str, region: str = "US") -> list[tuple[str, str, str]]:
    return [(text[h.start : h.end], h.value, h.region) for h in find_phones(text, region)]


@pytest.mark.parametrize(
    ("text", "first", "cue"),
    [
        ("New in Sydney, call me", "AU", "city:Sydney"),
        ("Outcalls across London tonight", "GB", "city:London"),
        ("Chicas en Quito, Ecuador", "EC", "city:Quito"),
        ("write to rosa@example.com.au", "AU", "tld:.au"),
        ("see www.example.co.uk/rosa", "GB", "tld:.uk"),
        ("or WhatsApp +61 491 570 006", "AU", "+CC:+61"),
        ("Bella 🇲🇽 en la ciudad", "MX", "flag:🇲🇽"),
        ("Visiting Australia next week", "AU", "country:Australia"),
        ("Bogotá norte, prepagos", "CO", "city:Bogotá"),
    ],
)
def test_evidence_orders_regions(text: str, first: str, cue: str) -> None:
    evidence = infer_regions(text, "US")
    assert evidence.order()[0] == first
    assert cue in evidence.reason(first)
    assert evidence.order()[-1] == "US"  # the configured region is the fallback


def test_no_evidence_falls_back_to_the_configured_region() -> None:
    evidence = infer_regions("Sweet and discreet, call me", "US")
    assert evidence.order() == ["US"]
    assert evidence.reason("US") == "configured default region"


@pytest.mark.parametrize(
    "text",
    [
        "Nice girl, Victoria, 24, reading a book",  # place names that are words or first names
        "indian food and french fries",  # not capitalised: no evidence
        "Sofia and Aurora, new in town",
    ],
)
def test_words_and_first_names_are_no_evidence(text: str) -> None:
    assert infer_regions(text, "US").order() == ["US"]


def test_a_demonym_alone_ranks_after_the_fallback() -> None:
    evidence = infer_regions("Genuine Indian girl", "US")
    assert evidence.order() == ["US", "IN"]
    assert evidence.reason("IN") == "demonym:Indian"
    assert infer_regions("Indian girl in Houston and Dallas", "US").order()[0] == "US"


def test_weak_evidence_in_a_long_document_is_not_tried() -> None:
    text = "Dallas, Texas. " * 20 + "Houston and Austin agreed. George Smith spoke."
    evidence = infer_regions(text, "US")
    assert evidence.order() == ["US"]  # "George" (a South African city) is < 1/3 of the US evidence
    assert read(text + " Mail to Dallas, Texas 75207-4399.") == []


def test_numbers_are_read_in_the_document_region() -> None:
    assert read("New in Sydney! Call 0491 570 156") == [("0491 570 156", "+61491570156", "AU")]
    assert read("Sexy Indian girl, Mumbai, 98765 43210") == [("98765 43210", "+919876543210", "IN")]
    assert read("Latina en Quito 0987654321") == [("0987654321", "+593987654321", "EC")]
    assert read("CDMX 🇲🇽 55 1234 5678") == [("55 1234 5678", "+525512345678", "MX")]


def test_uk_number_without_a_configured_gb_region() -> None:
    text = "For bookings in Leeds ring 07700 900101 after noon."
    assert read(text) == [("07700 900101", "+447700900101", "GB")]
    # even with no place at all: the UK drama range, and a real-shaped AU mobile by its shape
    hit = find_phones("ring 07700 900101")[0]
    assert (hit.value, hit.region, hit.reason) == ("+447700900101", "GB", "fictional range")
    hit = find_phones("ring 0412 345 678")[0]
    assert (hit.value, hit.region) == ("+61412345678", "AU")
    assert hit.reason == "number shape: a AU mobile (no other evidence)"


def test_nanp_format_stays_american_in_a_foreign_document() -> None:
    text = "Mumbai agency, US office (212) 555-0142, India desk 98200 12345"
    assert read(text) == [
        ("(212) 555-0142", "+12125550142", "US"),
        ("98200 12345", "+919820012345", "IN"),
    ]


def test_plus_numbers_need_no_region_and_record_why() -> None:
    hit = find_phones("WhatsApp +44 (0) 7700 900 456")[0]
    assert (hit.value, hit.region, hit.reason) == ("+447700900456", "GB", "written with +CC")
    hit = find_phones("call 0044 7700 900457")[0]
    assert hit.value == "+447700900457"


def test_us_press_release_numbers() -> None:
    text = (
        "Reports can be made by calling Investigator Lee at (714) 347-8794. Tips: 855-TIP-OCCS "
        "or 949-644-3790."
    )
    assert [(s, v) for s, v, _ in read(text)] == [
        ("(714) 347-8794", "+17143478794"),
        ("855-TIP-OCCS", "+18558476227"),
        ("949-644-3790", "+19496443790"),
    ]


def test_a_mobile_elsewhere_beats_a_landline_of_the_evidence_region() -> None:
    # Hamburg makes Germany the first region, where 07700 900556 would be a landline; the UK drama
    # mobile range wins over it, and a German mobile is still read as German.
    text = "I help people start again in Hamburg, write to me: 07700 900556 or 0151 123 45678."
    assert [(v, r) for _, v, r in read(text)] == [("+447700900556", "GB"), ("+4915112345678", "DE")]
