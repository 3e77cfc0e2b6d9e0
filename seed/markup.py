"""Inline markup for seed documents: one source gives the plain text and the exact gold spans.

    [[Person:Olena Marchenko]]                    -> text "Olena Marchenko", value "Olena Marchenko"
    [[Phone:+447700900123|o7700 900 123]]         -> text "o7700 900 123",   value "+447700900123"
    [[City:Kyiv|Київ]]                            -> text "Київ",            value "Kyiv"

`Type` is an ontology class name; `value` is the normalised form the extractor should produce
(E.164 phones, lower-case emails, canonical names); the surface after `|` is what the reader sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK = re.compile(r"\[\[([A-Za-z]+):([^|\]]+)(?:\|([^\]]+))?\]\]")


@dataclass(frozen=True)
class GoldMention:
    type: str
    start: int
    end: int
    value: str

    def as_dict(self) -> dict[str, object]:
        return {"type": self.type, "start": self.start, "end": self.end, "value": self.value}


class MarkupError(ValueError):
    pass


def render(source: str) -> tuple[str, list[GoldMention]]:
    """Strip the markup; return the plain text and the gold mentions (offsets into that text)."""
    out: list[str] = []
    mentions: list[GoldMention] = []
    pos = 0
    length = 0
    for m in MARK.finditer(source):
        before = source[pos : m.start()]
        out.append(before)
        length += len(before)
        etype, value, surface = m.group(1), m.group(2).strip(), m.group(3)
        surface = value if surface is None else surface
        mentions.append(GoldMention(etype, length, length + len(surface), value))
        out.append(surface)
        length += len(surface)
        pos = m.end()
    rest = source[pos:]
    if "[[" in rest or "]]" in rest:
        raise MarkupError(f"unbalanced markup near: {rest[rest.find('[[') : rest.find('[[') + 60]!r}")
    out.append(rest)
    return "".join(out), mentions


def mark(etype: str, value: str, surface: str | None = None) -> str:
    """Build a markup token (surface defaults to the value)."""
    if surface is None or surface == value:
        return f"[[{etype}:{value}]]"
    return f"[[{etype}:{value}|{surface}]]"
