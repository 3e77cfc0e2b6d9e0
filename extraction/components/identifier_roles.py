"""A phone number's or e-mail's role: `contact` (hotline, tip line, press office, victim services,
"for more information call", "reports can be made by calling Investigator X at") or `case` (a number
that belongs to the people and businesses of the case). Contact lines stay searchable but must never
link cases or networks (the graph reads `attributes["identifier_role"]`).

The cue is looked for in the identifier's own sentence before it (a contact block's lines count as
one sentence until a blank line), at most `WINDOW_BEFORE` characters back, and for the naming cues
("hotline", "media relations") also in the few characters after it. Cues: patterns/identifier_roles.jsonl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extraction.components.base import load_patterns

WINDOW_BEFORE = 160
WINDOW_AFTER = 40
SENTENCE_END = re.compile(r"[.!?](?:\s+|$)(?=[A-Z\"“(])|\n\s*\n")
LABEL_ONLY = re.compile(r"[^A-Za-z.!?]*(?:[A-Za-z]+[^A-Za-z.!?]*){0,2}")
"""What may stand between two numbers of one contact line: "\nCell: ", " or ", ", fax "."""
ALTERNATIVE = re.compile(r"\s*(?:,\s*)?(?:or|and|o|y)\b[^.!?]*$")
"""A second line offered as an alternative: "call the Clerk at 214-… or City Courts at 214-…"."""
CONTACT, CASE = "contact", "case"
CONTACT_ADDRESS = re.compile(
    r"[\w.+-]*?(media|press|pio|news|communications|publicaffairs|hotline|tips?line|tips)[\w.+-]*@", re.I
)
"""An e-mail address that names itself as a press or tip line ("sao.media@…", "tips@…")."""


@dataclass(frozen=True)
class Cue:
    id: str
    regex: re.Pattern[str]
    after: bool


@lru_cache(maxsize=1)
def cues() -> list[Cue]:
    return [
        Cue(row["id"], re.compile(row["regex"]), bool(row.get("after")))
        for row in load_patterns("identifier_roles")
    ]


def _before(text: str, start: int, floor: int) -> str:
    window = text[max(0, floor, start - WINDOW_BEFORE) : start]
    ends = list(SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _after(text: str, end: int) -> str:
    window = text[end : end + WINDOW_AFTER]
    stop = SENTENCE_END.search(window)
    return window[: stop.start()] if stop else window


def identifier_role(text: str, start: int, end: int, floor: int = 0) -> tuple[str, str | None]:
    """(`contact`, the cue words) or (`case`, None) for the identifier from `start` to `end`; the
    sentence before it is read back to `floor` at most (the end of the previous identifier)."""
    own = CONTACT_ADDRESS.match(text, start, end)
    if own is not None:
        return CONTACT, own.group(1).lower()
    before = _before(text, start, floor).lower()
    after: str | None = None
    for cue in cues():
        found = cue.regex.search(before)
        if found is None and cue.after:
            after = _after(text, end).lower() if after is None else after
            found = cue.regex.search(after)
        if found is not None:
            return CONTACT, found.group(0)
    return CASE, None


def identifier_roles(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, str | None]]:
    """Roles of the identifiers at `spans` (in text order). Each reads its own sentence back to the
    previous identifier; one that directly follows a contact line in the same sentence or contact
    block ("Office: 714-…\nCell: 714-…", "call 555-0100 or 555-0101") is a contact line too."""
    found: list[tuple[str, str | None]] = []
    previous_end = 0
    for start, end in spans:
        role = identifier_role(text, start, end, previous_end)
        if role[0] == CASE and found and found[-1][0] == CONTACT:
            between = text[previous_end:start]
            if len(between) <= WINDOW_AFTER and (LABEL_ONLY.fullmatch(between) or ALTERNATIVE.match(between)):
                role = found[-1]
        found.append(role)
        previous_end = max(previous_end, end)
    return found
