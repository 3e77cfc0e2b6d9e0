"""Evidence snippets: the sentence(s) around a span, whitespace-normalised and capped at SNIPPET_MAX.

Computed in `prepare` (the reading thread, while the previous batch is being written), so the write
transaction only looks them up.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

SNIPPET_MAX = 300


_BOUNDARY = re.compile(r"[.!?\n]")


class Sentences:
    """Sentence boundaries of one text, found once; `around(start, end)` is then a bisect."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stops = [m.start() for m in _BOUNDARY.finditer(text)]
        self._made: dict[tuple[int, int, int], str] = {}  # spans in the same sentence(s) share the snippet

    def around(self, start: int, end: int, limit: int = SNIPPET_MAX) -> str:
        i = bisect_left(self.stops, start)
        j = bisect_left(self.stops, end)
        made = self._made.get((i, j, limit))
        if made is None:
            made = self._made[(i, j, limit)] = self._between(i, j, limit)
        return made

    def _between(self, i: int, j: int, limit: int) -> str:
        left = self.stops[i - 1] + 1 if i > 0 else 0
        right = self.stops[j] + 1 if j < len(self.stops) else len(self.text)
        # whitespace-normalising a prefix of the slice gives a prefix of the normalised slice: read only as
        # much as the snippet can show (a whole-document classification span is the whole text)
        size = 4 * limit
        while True:
            cut = min(right, left + size)
            snippet = " ".join(self.text[left:cut].split())
            if len(snippet) > limit or cut == right:
                break
            size *= 4
        return snippet if len(snippet) <= limit else snippet[: limit - 1] + "…"


def sentence_around(text: str, start: int, end: int, limit: int = SNIPPET_MAX) -> str:
    """The sentence(s) holding [start, end) — the evidence a person reads on an edge."""
    return Sentences(text).around(start, end, limit)


def snippets_for(text: str, spans: Iterable[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """(start, end) → snippet for every span (one sentence scan of the text)."""
    wanted = set(spans)
    if not wanted:
        return {}
    sentences = Sentences(text)
    return {span: sentences.around(*span) for span in wanted}
