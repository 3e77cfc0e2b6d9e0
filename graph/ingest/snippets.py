"""Evidence snippets: the sentence(s) around a span, whitespace-normalised and capped at SNIPPET_MAX.

Made when the writer builds the fact rows (`PreparedDoc.snippet`), while the server merges the batch's
entities: one sentence scan per document, one snippet per sentence range.
"""

from __future__ import annotations

import re
from bisect import bisect_left

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
