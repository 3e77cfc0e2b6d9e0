"""What keeps prose out of phone numbers: dates, money, comma lists, case and docket numbers,
year-first groups, ZIP+4; and how a number was written (a "+", an international "00", NANP groups).
Read by `phones.py` on each candidate stretch of a run."""

from __future__ import annotations

import re

from extraction.components.phone_scan import Chunk

DATE = re.compile(r"^\d{1,4}([/.-])\d{1,2}\1\d{2,4}$")
YEAR_FIRST = re.compile(r"^(?:19|20)\d\d-")
ZIP_PLUS_4 = re.compile(r"^\d{5}-\d{4}$")
CASE_CUE = re.compile(
    r"(?:\b(?:case|docket|file|booking|inmate|account|order|invoice|ref|reference|report|citation|"
    r"serial|receipt|tracking|routing|zip|id|no)|#)\s*(?:no\.?|number|#|nr\.?)?\s*[:.]?\s*$",
    re.IGNORECASE,
)
MONEY = re.compile(r"[$£€¥₹]\s*$|\b(?:usd|aud|gbp|eur|rs\.?|inr)\s*$", re.IGNORECASE)


def nanp_grouping(part: list[Chunk], digits: str) -> bool:
    """Plain digits read as a NANP number are grouped like one: every group is a single digit or
    ends after the trunk 1, the area code or the exchange ("12 34 56 78 150" is not 1-234-567-8150)."""
    if any(c.words for c in part):
        return True
    ends = {3, 6} if len(digits) == 10 else {1, 4, 7}
    total = 0
    for chunk in part[:-1]:
        total += len(chunk.digits)
        if len(chunk.digits) > 1 and total not in ends:
            return False
    return True


def written_plus(text: str, chunk: Chunk) -> bool:
    before = text[max(0, chunk.start - 2) : chunk.start]
    return before.endswith("+") or before == "+ "


def international_prefix(text: str, chunk: Chunk) -> bool:
    """ "0044 7700 900101": 00 starts the chunk, which does not continue a code ("D-25-003531")."""
    if not chunk.digits.startswith("00") or chunk.words:
        return False
    return chunk.start == 0 or text[chunk.start - 1] not in "-/."


def is_prose(text: str, part: list[Chunk], start: int, end: int) -> bool:
    """Dates, money, comma lists, case numbers and year-first groups are not phone numbers."""
    words = any(c.words for c in part)
    raw = text[start:end]
    before = text[max(0, start - 24) : start]
    if MONEY.search(before) or (not words and CASE_CUE.search(before) and not phone_cue(before)):
        return True
    if words:
        return False
    if any("," in c.gap or ";" in c.gap for c in part[1:]):
        return True
    return bool(DATE.match(raw) or YEAR_FIRST.match(raw) or ZIP_PLUS_4.match(raw))


def phone_cue(before: str) -> bool:
    return bool(
        re.search(r"(?:phone|tel|cell|mobile|call|text|whatsapp|contact)\w*\W*(?:no|number|#)", before, re.I)
    )
