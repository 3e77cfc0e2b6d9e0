"""Linear scan for phone-number candidates: runs of digit groups, digit words and letter O, glued or
separated by short punctuation, spaces or emoji ("(212) 555-0142", "o77oo nine zero zero 3 0 1",
"3tothree 4three0", "0491570 156", "646*389*3950").

One pass over the text's alphanumeric chunks; a chunk either decomposes fully into digit units
(digits, "zero".."nine", and inside a glued chunk also "to"/"too" = 2, "for" = 4, "oh"/"o" = 0) or
ends the run. A gap joins two chunks if it is at most `MAX_GAP` separator characters on one line.
Which stretches of a run are numbers is decided by `phones.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

STRICT_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
HOMOPHONES = {"oh": "0", "o": "0", "to": "2", "too": "2", "for": "4"}
"""Count as digits only glued to other units ("3tothree", "o77oo") or between word digits."""
DIGIT_WORDS = {**STRICT_WORDS, **HOMOPHONES}
_UNIT = "|".join(sorted(DIGIT_WORDS, key=len, reverse=True))
UNITS = re.compile(rf"(?:\d|{_UNIT})+", re.IGNORECASE)
UNIT = re.compile(rf"\d|{_UNIT}", re.IGNORECASE)
CHUNK = re.compile(r"[A-Za-z0-9]+")
UNIT_INITIALS = frozenset("0123456789") | {w[0] for w in DIGIT_WORDS} | {w[0].upper() for w in DIGIT_WORDS}
MAX_GAP = 4
MAX_CHUNK = 40
SENTENCE_GAP = re.compile(r"[.!?]\s")
SEPARATORS = set(" \t.-–—/\\()*_~|[],;+#•·") | {"\u00a0", "\u200b", "\u200d", "\ufe0f"}


@dataclass(frozen=True)
class Chunk:
    start: int
    end: int
    digits: str
    words: bool  # contains digit words or letter O
    homophone: bool  # a lone "to"/"for"/"oh"/"o": a digit only between other word digits
    gap: str  # the text between the previous chunk of the run and this one ("" for the first)


def _decompose(token: str) -> tuple[str, bool] | None:
    """(digits, has words) if `token` is made of digit units only, else None."""
    if token.isdigit():
        return token, False
    if len(token) > MAX_CHUNK or not UNITS.fullmatch(token):
        return None
    digits = "".join(u if u.isdigit() else DIGIT_WORDS[u.lower()] for u in UNIT.findall(token))
    return digits, True


def _joinable(gap: str, before: Chunk | None, after_words: bool) -> bool:
    if len(gap) > MAX_GAP:
        return False
    if SENTENCE_GAP.match(gap) and not ((before is not None and before.words) or after_words):
        return False  # "Jo, 45. 0491 570 156": a full stop ends the run unless digit words go on
    return all(ch in SEPARATORS or unicodedata.category(ch) in ("So", "Sk", "Cf") for ch in gap)


def _chunk(match: re.Match[str], gap: str) -> Chunk | None:
    token = match.group(0)
    if token[0] not in UNIT_INITIALS:
        return None  # most words of a text: no digit and no digit word starts with their letter
    lower = token.lower()
    if lower in HOMOPHONES:
        return Chunk(match.start(), match.end(), HOMOPHONES[lower], True, True, gap)
    found = _decompose(token)
    if found is None:
        return None
    digits, words = found
    if words and token.isalpha() and lower not in STRICT_WORDS and not _glued_words(lower):
        return None  # "oooo", "ototo": letters that happen to decompose
    return Chunk(match.start(), match.end(), digits, words, False, gap)


def _glued_words(token: str) -> bool:
    """A word-only chunk is a digit group if it holds at least one strict digit word ("sixseven")."""
    return any(word in token for word in STRICT_WORDS)


def runs(text: str) -> Iterator[list[Chunk]]:
    """Maximal runs of digit chunks joined by short separator gaps, in text order."""
    run: list[Chunk] = []
    previous_end = -1
    for match in CHUNK.finditer(text):
        gap = text[previous_end : match.start()] if run else ""
        chunk = _chunk(match, gap)
        if run and not _joinable(gap, run[-1], chunk is not None and chunk.words):
            yield from _trimmed(run)
            run = []
            chunk = _chunk(match, "")
        if chunk is None:
            yield from _trimmed(run)
            run = []
        else:
            run.append(chunk)
        previous_end = match.end()
    yield from _trimmed(run)


def _trimmed(run: list[Chunk]) -> Iterator[list[Chunk]]:
    """Split a run at lone homophones that are not between two word digits ("call for 555...")."""
    part: list[Chunk] = []
    for i, chunk in enumerate(run):
        if chunk.homophone:
            inside = 0 < i < len(run) - 1 and not run[i - 1].homophone and not run[i + 1].homophone
            if chunk.digits != "0" or len(chunk.gap) > 1:  # "to"/"for" only between word digits
                inside = inside and run[i - 1].words and run[i + 1].words
            if not inside:
                if part:
                    yield part
                part = []
                continue
        part.append(chunk)
    if part:
        yield part
