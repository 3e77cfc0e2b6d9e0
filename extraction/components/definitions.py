"""Definitional and generic statements: text that explains what a crime *is* rather than what
happened in this case. Their cue words ("forced labor", "debt bondage", "a minor") are no evidence
for a document's trafficking type or indicators.

    spans = definitional_spans(text)   # [(start, end), ...] character ranges, sorted
    inside(spans, offset)              # is the offset inside one of them?

Covered (cues in patterns/definitions.jsonl):
- a statute definition: `“Forced labor or services” means ...`, `X is defined/described as ...`,
  `The crime of human trafficking involves ...`, `Penal Code Section 236.1 defines: ...`;
- a generic statement: `Human trafficking generally comes in two forms ...`, `... is a crime that ...`;
- the enumerated items `(1) ... (2) ...` that follow a line ending in `defines:` / `as follows:`.
"""

from __future__ import annotations

import bisect
import re

from extraction.components.base import load_patterns

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
_ENUMERATED = re.compile(r"\s*\((?:\d{1,3}|[a-z]{1,4})\)\s")
_HEADER_WORDS = r"(?:defines|define[sd]? as follows|as follows|provides|states|means)[ \t]*:[ \t]*$"
_HEADER = re.compile(_HEADER_WORDS)
_ANY_HEADER = re.compile(_HEADER_WORDS, re.M)


def _cue_rules() -> list[tuple[tuple[str, ...], re.Pattern[str]]]:
    """(words one of which the lower-cased text must contain, lower-case regex) per cue row: the
    cheap substring test skips the regex scan for the many documents without such a statement."""
    return [(tuple(row["needs"]), re.compile(row["regex"])) for row in load_patterns("definitions")]


_CUES = _cue_rules()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? (and closing quotes) before a space, and at
    line breaks."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _enumerated_blocks(lowered: str) -> list[tuple[int, int]]:
    """Lines `(n) ...` that follow a line ending in `defines:` (a statute quoted in full)."""
    spans: list[tuple[int, int]] = []
    offset, in_block = 0, False
    for line in lowered.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if in_block and _ENUMERATED.match(body):
            spans.append((offset, offset + len(body)))
        else:
            in_block = bool(_HEADER.search(body))
            if in_block:
                spans.append((offset, offset + len(body)))
        offset += len(line)
    return spans


def definitional_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of definitional/generic statements, sorted and non-overlapping."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer ("İ"): keep offsets
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found: list[tuple[int, int]] = []
    cues = [
        m.span()
        for needs, regex in _CUES
        if any(word in lowered for word in needs)
        for m in regex.finditer(lowered)
    ]
    if cues:  # the sentence around each cue (most documents have none: no split needed)
        sentences = sentence_spans(text)
        starts = [start for start, _ in sentences]
        for cue_start, cue_end in cues:
            at = bisect.bisect_right(starts, cue_start) - 1
            if at >= 0 and cue_end <= sentences[at][1]:
                found.append(sentences[at])
    if ":" in lowered and _ANY_HEADER.search(lowered):
        found.extend(_enumerated_blocks(lowered))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """True when `offset` falls in one of the sorted `spans`."""
    at = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]
