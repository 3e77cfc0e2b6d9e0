"""Region hint (issue 24): documents whose nationally written numbers or places point to another country."""

from __future__ import annotations

from extraction.region_hint import RegionHints, number_country, place_country


def test_national_numbers_of_another_country_suggest_its_region() -> None:
    hints = RegionHints("US")
    for _ in range(3):  # UK numbers written nationally, read as +44 through the document's evidence
        hints.add(None, [("07700 900101", "+447700900101")])
    hints.add(None, [("+44 7700 900102", "+447700900102")])  # written with its code: says nothing
    message = hints.message("--region")
    assert message is not None
    assert "in 3 (GB 3)" in message and "re-run with `--region GB`" in message
    assert hints.documents == 4


def test_a_mixed_corpus_gets_a_note_not_a_new_default() -> None:
    hints = RegionHints("GB")
    hints.add(None, [("07700 900101", "+447700900101")])
    hints.add(None, [("07700 900102", "+447700900102")])
    hints.add(None, [("(555) 010-0123", "+15550100123")])
    message = hints.message()
    assert message is not None and message.startswith("Region note:") and "while 2 hold numbers" in message


def test_nothing_foreign_says_nothing() -> None:
    hints = RegionHints("GB")
    hints.add(None, [("07700 900101", "+447700900101")])
    hints.add(place_country("Kestrel Farms in Wisbech hired twelve pickers.", "GB"), [])
    assert hints.message() is None
    assert number_country([("+44 7700 900101", "+447700900101")], "US") is None


def test_places_count_only_with_an_unread_national_number() -> None:
    text = "Call 0612 345 678 for work in Rotterdam, Netherlands. Housing in Amsterdam."
    assert place_country(text, "US") is not None and place_country(text, "US")[0] == "NL"
    assert place_country("Work in Rotterdam, Netherlands. Housing in Amsterdam.", "US") is None
