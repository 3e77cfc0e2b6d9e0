"""Phone numbers: plain (phonenumbers' matcher) and obfuscated ("six four six", "39Five Zero",
"2sixseven one9zerofor", spaced/dotted digits, O for 0). Values are E.164; spans are offsets into
the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

DIGIT_WORDS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "for": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_WORDS = "|".join(sorted(DIGIT_WORDS, key=len, reverse=True))
UNIT = rf"(?:\d|{_WORDS})"
SEP = r"[ \t.,\-/()\[\]*_~|]{0,3}"
OBFUSCATED_RUN = re.compile(
    rf"(?<![A-Za-z0-9])\+?{UNIT}(?:{SEP}{UNIT}){{6,18}}(?![A-Za-z0-9])", re.IGNORECASE
)
UNIT_TOKEN = re.compile(UNIT, re.IGNORECASE)
MIN_NATIONAL_DIGITS = 8
NANP_FORMAT = re.compile(r"^(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[.-])\d{3}[.-]\d{4}$")
VANITY = re.compile(
    r"(?<![\w-])(?:1-)?\d{3}-(?=[0-9A-Z-]*[A-Z][0-9A-Z-]*[A-Z])[0-9A-Z]{3}-?[0-9A-Z]{4}(?![\w-])"
)
KEYPAD = {
    ch: digit
    for digit, letters in {
        "2": "ABC",
        "3": "DEF",
        "4": "GHI",
        "5": "JKL",
        "6": "MNO",
        "7": "PQRS",
        "8": "TUV",
        "9": "WXYZ",
    }.items()
    for ch in letters
}


@dataclass(frozen=True)
class PhoneHit:
    start: int
    end: int
    value: str
    obfuscated: bool


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _acceptable(number: phonenumbers.PhoneNumber, has_plus: bool, region: str) -> bool:
    national = str(number.national_number)
    if len(national) < MIN_NATIONAL_DIGITS or not phonenumbers.is_possible_number(number):
        return False
    if number.country_code == 1:
        # NANP: 10 digits, area code and exchange cannot start with 0 or 1.
        return len(national) == 10 and national[0] not in "01" and national[3] not in "01"
    return has_plus or number.country_code == phonenumbers.country_code_for_region(region)


def plain_phones(text: str, region: str) -> list[PhoneHit]:
    """Formatted numbers: NANP-formatted ones first ("(212) 555-0142", "702.555.0154", fictional
    555-01xx included), then the document's region."""
    hits: list[PhoneHit] = []
    for match_region in dict.fromkeys(["US", region]):
        for match in PhoneNumberMatcher(text, match_region, leniency=Leniency.POSSIBLE):
            start, raw = match.start, match.raw_string
            if raw.startswith("(") and ")" not in raw:
                start, raw = start + 1, raw[1:]
            if any(start < h.end and h.start < match.end for h in hits):
                continue
            if match_region == "US" and region != "US" and not NANP_FORMAT.match(raw):
                continue
            international = raw.lstrip().startswith(("+", "00"))
            if _acceptable(match.number, international, match_region):
                hits.append(PhoneHit(start, match.end, _e164(match.number), False))
    return hits + vanity_phones(text, hits)


def vanity_phones(text: str, taken: list[PhoneHit]) -> list[PhoneHit]:
    """NANP numbers with letters on the keypad: "855-TIP-OCCS"."""
    hits = []
    for match in VANITY.finditer(text):
        if any(match.start() < h.end and h.start < match.end() for h in taken):
            continue
        digits = "".join(KEYPAD.get(ch, ch) for ch in re.sub(r"[^0-9A-Z]", "", match.group(0)))
        try:
            number = phonenumbers.parse(digits[-10:], "US")
        except phonenumbers.NumberParseException:
            continue
        if _acceptable(number, False, "US"):
            hits.append(PhoneHit(match.start(), match.end(), _e164(number), True))
    return hits


def _units(run: str, offset: int) -> list[tuple[int, int, str, bool]]:
    """(start, end, digit, is_word) for each unit of a run, offsets in the document."""
    units = []
    for unit in UNIT_TOKEN.finditer(run):
        token = unit.group(0).lower()
        is_word = not token.isdigit()
        digit = DIGIT_WORDS[token] if is_word else token
        units.append((offset + unit.start(), offset + unit.end(), digit, is_word))
    return units


def _parse_window(
    units: list[tuple[int, int, str, bool]], has_plus: bool, region: str
) -> phonenumbers.PhoneNumber | None:
    digits = "".join(unit[2] for unit in units)
    if not 10 <= len(digits) <= 13:
        return None
    try:
        number = phonenumbers.parse(("+" if has_plus else "") + digits, region)
    except phonenumbers.NumberParseException:
        return None
    return number if _acceptable(number, has_plus or len(digits) > 10, region) else None


def obfuscated_phones(text: str, region: str, taken: list[tuple[int, int]]) -> list[PhoneHit]:
    hits: list[PhoneHit] = []
    masked = list(text)
    for t_start, t_end in taken:  # runs must not bridge numbers already found
        masked[t_start:t_end] = "#" * (t_end - t_start)
    for run in OBFUSCATED_RUN.finditer("".join(masked)):
        start = run.start()
        raw = run.group(0)
        units = _units(raw, start)
        if not any(unit[3] for unit in units) and not re.search(r"\d[ .,]\d[ .,]\d", raw):
            continue  # ordinary digit groups are the plain matcher's job
        found = None
        # Leading/trailing words ("for", "oh", "one") may belong to the sentence, not the number.
        for skip_start in range(0, min(3, len(units))):
            for skip_end in range(0, min(3, len(units) - skip_start)):
                window = units[skip_start : len(units) - skip_end]
                plus = raw.startswith("+") and skip_start == 0
                number = _parse_window(window, plus, region)
                if number is not None and any(unit[3] for unit in window) == any(unit[3] for unit in units):
                    found = (window[0][0], window[-1][1], number)
                    break
            if found:
                break
        if found:
            hits.append(PhoneHit(found[0], found[1], _e164(found[2]), True))
    return hits


def find_phones(text: str, region: str = "US") -> list[PhoneHit]:
    """All phone numbers in `text`, plain first, then obfuscated forms that do not overlap them."""
    plain = plain_phones(text, region)
    taken = [(hit.start, hit.end) for hit in plain]
    return sorted(plain + obfuscated_phones(text, region, taken), key=lambda hit: hit.start)
