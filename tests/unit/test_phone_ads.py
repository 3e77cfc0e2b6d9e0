"""The fictional escort-ad phone set (extraction/gold/ads_fictional.jsonl): the extractor meets the
issue's goal, F1 >= 0.92 on (ad, E.164) pairs, on the tuned part and on the held-out part."""

from __future__ import annotations

import re
from typing import Any

import phonenumbers
import pytest

from extraction.components.phone_numbers import FICTIONAL, accepted
from extraction.evaluate_phones import load_ads, score_phones
from extraction.pipeline import Extractor

GOAL = 0.92
HELD_OUT = ("heldout", "heldout2", "heldout3")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_the_set_is_well_formed() -> None:
    ads = load_ads()
    assert len(ads) >= 120
    assert {ad["split"] for ad in ads} == {"tune", *HELD_OUT}
    assert all(ad["id"].startswith("ad-h") == (ad["split"] in HELD_OUT) for ad in ads)
    assert sum(len(load_ads(split=split)) for split in HELD_OUT) >= 0.3 * len(ads)
    kinds = {phone["kind"] for ad in ads for phone in ad["phones"]}
    assert kinds == {"plain", "foreign", "obfuscated"}
    for ad in ads:
        for phone in ad["phones"]:
            written = ad["text"][phone["start"] : phone["end"]]
            assert written.strip() == written and re.search(r"\d|zero|one|two|four|five|six", written, re.I)
            assert accepted(phonenumbers.parse(phone["e164"]))
            if phone["e164"].startswith(("+1", "+44", "+61")):
                assert FICTIONAL.match(phone["e164"]), f"{ad['id']}: not in a reserved range"


@pytest.mark.parametrize("split", ["tune", *HELD_OUT])
def test_ads_f1_meets_the_goal(extractor: Extractor, split: str) -> None:
    scores = score_phones(extractor, load_ads(split=split))
    assert scores["F1"] >= GOAL, scores


def test_score_counts_unique_pairs_and_kinds(extractor: Extractor) -> None:
    items: list[dict[str, Any]] = [
        {"id": "x1", "text": "Call 702-555-0155 or 702-555-0155 tonight", "phones": [
            {"start": 5, "end": 17, "e164": "+17025550155", "kind": "plain"},
            {"start": 21, "end": 33, "e164": "+17025550155", "kind": "plain"}]},
        {"id": "x2", "text": "London o77oo 9oo 1o1, no other number", "phones": []},
    ]  # fmt: skip
    scores = score_phones(extractor, items)
    assert (scores["tp"], scores["fp"], scores["fn"]) == (1, 1, 0)
    assert scores["kinds"]["obfuscated"]["fp"] == 1
    assert scores["errors"] == [
        {"id": "x2", "error": "false", "value": "+447700900101", "kind": "obfuscated"}
    ]
