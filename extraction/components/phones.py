"""Phone numbers, plain and obfuscated, with the region each was read in and why. Values are E.164;
spans are offsets into the original text.

    find_phones(text, region="US") -> [PhoneHit(start, end, value, obfuscated, region, reason)]

1. `phone_regions.infer_regions`: regions in order of the document's evidence (+CC numbers, country
   and city names, flags, TLDs, demonyms), the configured region always among them.
2. `phone_scan.runs`: runs of digit chunks (digits, digit words, letter O) in one linear pass.
3. Inside a run, the best set of non-overlapping numbers (`PhoneReader._run`, dynamic programming):
   "+CC" numbers need no region; NANP-formatted ones ("(714) 347-8794") try the US first; others try
   the evidence order and are accepted under the first region where phonenumbers says valid (or the
   number is in a regulator's fictional range); failing that, a number written with its trunk
   prefix whose shape is a mobile number somewhere is read as the most populous such country.
4. `phone_guards`: dates, money, comma lists, case numbers, ZIP+4 and year-first groups are no
   phones. Vanity NANP numbers ("855-TIP-OCCS") are found as written.
Work is linear in the text: each chunk starts at most `MAX_DIGITS` digits of candidates and each
parse is memoised per (digits, region) (tests/unit/test_phone_obfuscation.py counts the calls).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat

from extraction.components.phone_guards import international_prefix, is_prose, nanp_grouping, written_plus
from extraction.components.phone_numbers import FICTIONAL_REGIONS, RegionRules, is_fictional, shape_regions
from extraction.components.phone_regions import RegionEvidence, infer_regions
from extraction.components.phone_scan import Chunk, runs

MIN_DIGITS = 8
MAX_DIGITS = 15
SHAPE_MIN_DIGITS = 10
NANP_FORMAT = re.compile(r"^(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[.-])\d{3}[.-]\d{4}$")
PLAIN_GAPS = {"", " ", "-", ".", "(", ")", ") ", " (", "+", "+ ", " - ", "\u00a0"}
VANITY = re.compile(
    r"(?<![\w-])(?:1-)?\d{3}-(?=[0-9A-Z-]*[A-Z][0-9A-Z-]*[A-Z])[0-9A-Z]{3}-?[0-9A-Z]{4}(?![\w-])"
)
KEYPAD = {
    ch: str(digit)
    for digit, letters in enumerate(["", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ"])
    for ch in letters
}


@dataclass(frozen=True)
class PhoneHit:
    start: int
    end: int
    value: str
    obfuscated: bool
    region: str = ""
    reason: str = ""


def _e164(number: PhoneNumber) -> str:
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


class PhoneReader:
    """Reads the runs of one document with its region evidence."""

    def __init__(self, text: str, evidence: RegionEvidence) -> None:
        self.text = text
        self.evidence = evidence
        self.order = evidence.order()
        self.rules = RegionRules()

    def read(self) -> list[PhoneHit]:
        hits: list[PhoneHit] = []
        for run in runs(self.text):
            hits.extend(self._run(run))
        return hits

    def _run(self, run: list[Chunk]) -> list[PhoneHit]:
        """The best set of non-overlapping numbers in a run (dynamic programming from the right):
        most trusted readings first (+CC/NANP/evidence over shape), then most digits covered, then
        fewest numbers. "Jo 31 0491 570 156" is one AU number, not "31 0491 570" + "156"."""
        # best[i] = (score, first hit, index after it) of the best choice for run[i:]
        best: list[tuple[tuple[int, int, int], PhoneHit | None, int]] = [((0, 0, 0), None, 0)] * (
            len(run) + 1
        )
        for i in range(len(run) - 1, -1, -1):
            choice: tuple[tuple[int, int, int], PhoneHit | None, int] = (best[i + 1][0], None, i + 1)
            total = 0
            for j in range(i, len(run)):
                total += len(run[j].digits)
                if total > MAX_DIGITS:
                    break
                if total < MIN_DIGITS:
                    continue
                hit = self._candidate(run[i : j + 1])
                if hit is None:
                    continue
                rest = best[j + 1][0]
                score = (rest[0] + _trust(hit), rest[1] + total, rest[2] - 1)
                if score >= choice[0]:  # ties: the leftmost reading ("512 345 678 400 zł")
                    choice = (score, hit, j + 1)
            best[i] = choice
        hits, i = [], 0
        while i < len(run):
            _, hit, i = best[i]
            if hit is not None:
                hits.append(hit)
        return hits

    def _candidate(self, part: list[Chunk]) -> PhoneHit | None:
        start, end = part[0].start, part[-1].end
        if self.text[start - 1 : start] == "(" and ")" in "".join(c.gap for c in part):
            start -= 1
        if is_prose(self.text, part, start, end):
            return None
        digits = "".join(c.digits for c in part)
        words = any(c.words for c in part)
        obfuscated = words or len(part) > 5 or any(c.gap not in PLAIN_GAPS for c in part[1:])
        plus = written_plus(self.text, part[0])
        if plus:
            start = self.text.rindex("+", max(0, start - 2), start)
        elif international_prefix(self.text, part[0]) and len(digits) >= 11:
            plus, digits = True, digits[2:]  # "0044 7700 900101": the international call prefix
        found = self._region_of(digits, plus, self.text[start:end], words)
        if found is None or (found[0].country_code == 1 and not plus and not nanp_grouping(part, digits)):
            return None
        number, region, reason = found
        return PhoneHit(start, end, _e164(number), obfuscated, region, reason)

    def _region_of(
        self, digits: str, plus: bool, raw: str, words: bool
    ) -> tuple[PhoneNumber, str, str] | None:
        if plus:
            number = self.rules.valid(digits, "+")
            if number is None:
                return None
            region = phonenumbers.region_code_for_number(number)
            region = region or phonenumbers.region_code_for_country_code(number.country_code or 0)
            return number, region, "written with +CC"
        if not words and NANP_FORMAT.match(raw) and (number := self.rules.valid(digits, "US")):
            return number, "US", "NANP format"
        # Mobiles first, in evidence order, then the fictional ranges, then any valid line: "write to
        # me: 07700 900556" in a text about Hamburg is the UK drama mobile, not a German landline.
        for region in self.order:
            if (number := self.rules.personal_line(digits, region)) is not None:
                return number, region, self.evidence.reason(region)
        for region in FICTIONAL_REGIONS:
            if (number := self.rules.valid(digits, region)) is not None and is_fictional(number):
                return number, region, "fictional range"
        for region in self.order:
            if (number := self.rules.valid(digits, region)) is not None:
                return number, region, self.evidence.reason(region)
        if len(digits) < SHAPE_MIN_DIGITS or not (words or digits.startswith("0")):
            return None  # a shape guess needs the trunk prefix written ("07700…", "0491…")
        for region in shape_regions(digits)[:3]:
            if (number := self.rules.valid(digits, region)) is not None:
                return number, region, f"number shape: a {region} mobile (no other evidence)"
        return None


def _trust(hit: PhoneHit) -> int:
    return 0 if hit.reason.startswith("number shape") else 2


def vanity_phones(text: str, taken: list[PhoneHit]) -> list[PhoneHit]:
    """NANP numbers with letters on the keypad: "855-TIP-OCCS"."""
    covered = {i for hit in taken for i in range(hit.start, hit.end)}
    hits = []
    rules = RegionRules()
    for match in VANITY.finditer(text):
        if any(i in covered for i in range(match.start(), match.end())):
            continue
        digits = "".join(KEYPAD.get(ch, ch) for ch in re.sub(r"[^0-9A-Z]", "", match.group(0)))
        number = rules.valid(digits[-10:], "US")
        if number is not None:
            hits.append(PhoneHit(match.start(), match.end(), _e164(number), True, "US", "vanity number"))
    return hits


def find_phones(text: str, region: str = "US", evidence: RegionEvidence | None = None) -> list[PhoneHit]:
    """All phone numbers in `text`; `region` is the fallback after the document's own evidence."""
    reader = PhoneReader(text, evidence or infer_regions(text, region))
    hits = reader.read()
    return sorted(hits + vanity_phones(text, hits), key=lambda hit: hit.start)
