"""Map offsets in the reader's cleaned text back to offsets in the raw file.

The reader promises that cleaned text is made of verbatim source lines (whitespace-stripped, some
lines dropped, order kept). We align cleaned lines to raw lines with a small dynamic programme:
each cleaned line may match any raw line with the same content (exact after stripping, else equal
after collapsing inner whitespace); among monotone choices we take the one with the fewest jumps,
so a title repeated three times in the navigation maps to the copy that sits next to the dateline.
Cleaned lines that match nothing are left unaligned (their predictions are reported, not scored).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SKIP_COST = 1000.0
_JUMP_COST = 1.0
_GAP_COST = 1e-4
"""Per skipped raw line inside a jump: among equal jump counts, prefer the nearest copy of a line."""
_LINE = re.compile(r"[^\n]*")


@dataclass(frozen=True)
class _Line:
    start: int
    """Offset of the first non-space character."""
    text: str
    """Stripped content."""


def text_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    for match in _LINE.finditer(text):
        raw = match.group(0)
        stripped = raw.strip()
        if stripped:
            out.append(_Line(match.start() + (len(raw) - len(raw.lstrip())), stripped))
    return out


def _collapse(text: str) -> tuple[str, list[int]]:
    """Whitespace-collapsed text and, for each of its characters, the index in `text`."""
    chars: list[str] = []
    index: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if previous_space:
                continue
            previous_space = True
            ch = " "
        else:
            previous_space = False
        chars.append(ch)
        index.append(i)
    return "".join(chars), index


@dataclass
class Alignment:
    """Where each cleaned line sits in the raw text; `map_span` does the offset arithmetic."""

    clean_lines: list[_Line]
    raw_lines: list[_Line]
    matched: list[int | None]
    """For each cleaned line, the index of its raw line (None = unaligned)."""
    _maps: dict[int, list[int]] = field(default_factory=dict)
    """For cleaned lines matched only after whitespace collapsing: char index map clean→raw line."""

    @property
    def unaligned_lines(self) -> int:
        return sum(1 for m in self.matched if m is None)

    def _line_of(self, pos: int) -> int | None:
        for i, line in enumerate(self.clean_lines):
            if line.start <= pos <= line.start + len(line.text):
                return i
        return None

    def map_offset(self, pos: int, *, is_end: bool = False) -> int | None:
        i = self._line_of(pos - 1 if is_end else pos)
        if i is None or self.matched[i] is None:
            return None
        clean, raw = self.clean_lines[i], self.raw_lines[self.matched[i]]  # type: ignore[index]
        inner = pos - clean.start
        if i not in self._maps:
            return raw.start + inner
        mapping = self._maps[i]
        if is_end:
            return raw.start + mapping[inner - 1] + 1 if inner > 0 else raw.start
        return raw.start + mapping[min(inner, len(mapping) - 1)]

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Raw (start, end) for a cleaned span, or None when it lies on an unaligned line."""
        raw_start = self.map_offset(start)
        raw_end = self.map_offset(end, is_end=True)
        if raw_start is None or raw_end is None or raw_end <= raw_start:
            return None
        return raw_start, raw_end


def align(cleaned: str, raw: str) -> Alignment:
    clean_lines, raw_lines = text_lines(cleaned), text_lines(raw)
    exact: dict[str, list[int]] = {}
    collapsed: dict[str, list[int]] = {}
    raw_collapsed: list[tuple[str, list[int]]] = []
    for j, line in enumerate(raw_lines):
        exact.setdefault(line.text, []).append(j)
        key, index = _collapse(line.text)
        raw_collapsed.append((key, index))
        collapsed.setdefault(key, []).append(j)

    candidates: list[list[int]] = []
    loose: set[int] = set()
    for i, line in enumerate(clean_lines):
        found = exact.get(line.text)
        if not found:
            found = collapsed.get(_collapse(line.text)[0], [])
            if found:
                loose.add(i)
        candidates.append(found)

    # states: (cleaned line i, raw line r) -> (cost, previous state)
    states: list[tuple[int, int]] = [(i, r) for i, cands in enumerate(candidates) for r in cands]
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {}
    for i, r in states:
        choice: tuple[float, tuple[int, int] | None] = (i * _SKIP_COST, None)
        for (pi, pr), (cost, _) in best.items():
            if pi >= i or pr >= r:
                continue
            step = (i - pi - 1) * _SKIP_COST
            if not (pi == i - 1 and pr == r - 1):
                step += _JUMP_COST + (r - pr - 1) * _GAP_COST
            if cost + step < choice[0]:
                choice = (cost + step, (pi, pr))
        best[(i, r)] = choice

    matched: list[int | None] = [None] * len(clean_lines)
    if best:
        n = len(clean_lines)
        end_state = min(best, key=lambda s: (best[s][0] + (n - 1 - s[0]) * _SKIP_COST, s[1]))
        state: tuple[int, int] | None = end_state
        while state is not None:
            matched[state[0]] = state[1]
            state = best[state][1]

    maps: dict[int, list[int]] = {}
    for i in loose:
        raw_line = matched[i]
        if raw_line is None:
            continue
        clean_key, clean_index = _collapse(clean_lines[i].text)
        raw_index = raw_collapsed[raw_line][1]
        # clean char k -> collapsed position p (clean_index inverse) -> raw char raw_index[p]
        inverse = {c: p for p, c in enumerate(clean_index)}
        per_char: list[int] = []
        last = 0
        for k in range(len(clean_lines[i].text)):
            last = inverse.get(k, last)
            per_char.append(raw_index[last])
        maps[i] = per_char
        del clean_key
    return Alignment(clean_lines, raw_lines, matched, maps)
