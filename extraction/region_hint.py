"""Region hint: documents whose numbers or places point to another country than the default region.

The default region (`--region`, ISO country) decides how a number written nationally ("07700 900101",
"(555) 010-0123") is read first, and which of two same-named places wins. A document looks foreign when
* the phones read from it that were written nationally (no `+CC`) belong to another country, or
* no phone was read from it although it holds a run of digits written like a national number, and its place
  evidence (`phone_regions.infer_regions`: +CC numbers, country and city names, e-mail TLDs) leads with
  another country while giving the default none (a UK report about Kharkiv with no unread number is not
  foreign: only numbers depend on the region).
Runs count such documents per country; `message()` says which flag to use. Nothing is changed: the
user decides (a corpus from one country should be re-run with its region).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import phonenumbers

from extraction.components.phone_regions import WEIGHT, infer_regions
from ontology.names import C

NATIONAL_DIGITS = re.compile(r"(?<![\w+])(?:0|\(0?)\d[\d ()./-]{6,14}\d(?!\w)")
"""Digits written like a national phone number: a trunk 0 (or an area code in brackets), 9-17 characters."""
MIN_PLACE_SCORE = WEIGHT["country"]
"""Place evidence for another country counts from one country/city/TLD cue (a demonym alone does not)."""


def place_country(text: str, default: str) -> tuple[str, str] | None:
    """(country, cues) when the text's place evidence leads with another country than `default`."""
    if not NATIONAL_DIGITS.search(text):
        return None
    evidence = infer_regions(text, default)
    top = evidence.order()[0]
    if top == default.upper() or evidence.scores.get(top, 0.0) < MIN_PLACE_SCORE:
        return None
    if evidence.scores.get(default.upper(), 0.0) > 0:
        return None
    return top, evidence.reason(top)


def number_country(phones: list[tuple[str, str]], default: str) -> str | None:
    """The most common country of phones written nationally (text, E.164 value); None without any."""
    regions: Counter[str] = Counter()
    for text, value in phones:
        if text.lstrip().startswith(("+", "00")):
            continue  # written with its country code: the default region played no part
        try:
            # the calling code's main country: fictional ranges (+44 7700 900xxx, 555-01xx) are not "valid"
            # numbers, so region_code_for_number would give none
            code = phonenumbers.parse(value, None).country_code
            region = phonenumbers.region_code_for_country_code(code) if code else None
        except phonenumbers.NumberParseException:
            continue
        if region and region != "ZZ":
            regions[region] += 1
    if not regions:
        return None
    return regions.most_common(1)[0][0]


@dataclass
class RegionHints:
    default: str
    documents: int = 0
    home: int = 0
    """Documents whose national numbers are of the default region."""
    by_numbers: Counter[str] = field(default_factory=Counter)
    by_places: Counter[str] = field(default_factory=Counter)
    cues: dict[str, str] = field(default_factory=dict)

    def add(self, places: tuple[str, str] | None, phones: list[tuple[str, str]]) -> None:
        """One document: its place evidence (`place_country`) and its phones (text, E.164)."""
        self.documents += 1
        numbers = number_country(phones, self.default)
        if numbers == self.default.upper():
            self.home += 1
        elif numbers:
            self.by_numbers[numbers] += 1
        elif places and not phones:
            self.by_places[places[0]] += 1
            self.cues.setdefault(places[0], places[1])

    def add_result(self, places: tuple[str, str] | None, entities: list[Any]) -> None:
        """One extracted document: its place evidence and its entities (the phones are taken)."""
        self.add(places, [(e.text, e.value) for e in entities if e.type == C.Phone])

    def message(self, flag: str = "--region") -> str | None:
        """One paragraph for the run's summary, or None when no document looks foreign."""
        if not self.by_numbers and not self.by_places:
            return None
        default = self.default.upper()
        parts = []
        if self.by_numbers:
            top = ", ".join(f"{r} {n}" for r, n in self.by_numbers.most_common(4))
            parts.append(
                f"numbers written nationally belong to another country in {sum(self.by_numbers.values())} "
                f"({top})"
            )
        if self.by_places:
            top = ", ".join(f"{r} {n} ({self.cues.get(r, '')})" for r, n in self.by_places.most_common(4))
            parts.append(
                f"no phone was read from {sum(self.by_places.values())} with digits written like a national "
                "number "
                f"and places of another country ({top})"
            )
        suggest, n = (self.by_numbers or self.by_places).most_common(1)[0]
        if n <= self.home:  # a mixed corpus: most national numbers are the default's
            return (
                f"Region note: of {self.documents} document(s), " + "; ".join(parts) + f", while {self.home} "
                f"hold numbers of the default region {default}. Numbers are read with each document's own "
                "evidence first; check those documents' phones, or extract them apart with "
                f"`{flag} {suggest}`."
            )
        return (
            f"Region hint: of {self.documents} document(s), " + "; ".join(parts) + ". "
            f"The default region {default} reads national numbers and same-named places first: if these "
            f"documents come from one country, re-run with `{flag} {suggest}`."
        )
