"""Documents as the report sees them: dated, with places, types, indicators and businesses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from graph import privacy
from graph.forecast.sources import PLACE_TYPES
from ontology import load_ontology
from ontology.names import C

BUSINESS_TYPES = load_ontology().classes_under(C.Business)
LOCATION_TYPES = load_ontology().classes_under(C.Location)
SNIPPET = 110


@dataclass(frozen=True)
class Doc:
    id: str
    day: date
    title: str
    text: str
    places: tuple[tuple[str, int, int], ...]  # (value, start, end) in reading order
    types: tuple[str, ...]
    indicators: tuple[str, ...]
    mentions: tuple[tuple[str, str, str | None], ...]  # (kind, surface, None) for masking
    names: frozenset[str]  # every entity value, lower-case (region filter)
    communities: tuple[tuple[int, str, str], ...] = ()  # (community id, entity id, kind): graph rows only
    locations: tuple[tuple[str, str | None], ...] = ()  # (value, country code if recorded): region filter
    business_types: tuple[tuple[str, str], ...] = ()  # (value, class) of each business: its sectors

    @property
    def businesses(self) -> tuple[str, ...]:
        """The businesses' names."""
        return tuple(sorted({name for name, _ in self.business_types}))


def parse(rows: Iterable[dict[str, object]]) -> list[Doc]:
    """Extraction lines (`lantern extract` contract) -> dated `Doc`s; undated lines are skipped."""
    docs = []
    for row in rows:
        pub = str(row.get("published") or "")[:10]
        try:
            day = date.fromisoformat(pub)
        except ValueError:
            continue
        text = str(row.get("text") or "")
        raw = row.get("entities") or []
        assert isinstance(raw, list)
        ents = [e for e in raw if isinstance(e, dict)]
        cls = row.get("classification") or {}
        assert isinstance(cls, dict)
        places = tuple(sorted(((str(e["value"]), int(e.get("start", 0)), int(e.get("end", 0)))
                               for e in ents if e.get("type") in PLACE_TYPES and e.get("value")),
                              key=lambda p: p[1]))  # fmt: skip
        docs.append(Doc(
            id=str(row["id"]), day=day, title=str(row.get("title") or ""), text=text, places=places,
            types=_types(cls.get("trafficking_types", [])),
            indicators=tuple(sorted({str(i.get("type")) for i in cls.get("indicators", [])})),
            business_types=tuple(sorted({(str(e["value"]), str(e["type"])) for e in ents
                                         if e.get("type") in BUSINESS_TYPES})),
            mentions=tuple((str(e["type"]), text[int(e["start"]):int(e["end"])], None)
                           for e in ents if privacy.category_of(str(e.get("type"))) and "start" in e),
            names=frozenset(str(e.get("value", "")).lower() for e in ents),
            communities=tuple(sorted({(int(e["community_id"]), str(e.get("id")), str(e.get("type")))
                                      for e in ents if e.get("community_id") is not None})),
            locations=tuple(sorted({(str(e["value"]), _country(e)) for e in ents
                                    if e.get("type") in LOCATION_TYPES and e.get("value")}, key=str)),
        ))  # fmt: skip
    return docs


def _country(ent: dict[str, object]) -> str | None:
    """The country code extraction (`attributes.country_code`) or the graph (`country_code`) recorded."""
    attrs = ent.get("attributes")
    code = (attrs.get("country_code") if isinstance(attrs, dict) else None) or ent.get("country_code")
    return str(code) if code else None


def _types(raw: list[object]) -> tuple[str, ...]:
    """Trafficking types of a classification: `{"type", "confidence", "spans"}` objects (or bare names)."""
    return tuple(sorted({str(t.get("type") if isinstance(t, dict) else t) for t in raw}))


def place_names(doc: Doc) -> list[str]:
    return list(dict.fromkeys(p for p, _, _ in doc.places))


def snippet(doc: Doc, role: str, place: str | None = None) -> str:
    """~220 characters around the first mention of `place` (else the opening), cut at spaces (no half
    word: "…ESNO MAN", or a fragment of a name the masking would not recognise), masked for `role`."""
    at = next((s for p, s, _ in doc.places if p == place), 0) if place else 0
    lo, hi = max(at - SNIPPET, 0), min(at + SNIPPET, len(doc.text))
    if lo and not doc.text[lo - 1].isspace():
        first_space = re.search(r"\s", doc.text[lo:at])
        lo = lo + first_space.end() if first_space else at
    if hi < len(doc.text) and not doc.text[hi].isspace():
        last_space = max(doc.text.rfind(c, at, hi) for c in " \n\t")
        hi = last_space if last_space > at else hi
    cut = ("…" if lo else "") + " ".join(doc.text[lo:hi].split()) + ("…" if hi < len(doc.text) else "")
    return privacy.mask_snippet(cut, role, doc.mentions) or ""


def cite(docs: list[Doc], role: str, place: str | None = None, n: int = 3) -> list[dict[str, str]]:
    """The `n` most recent documents as citations: id, date, title, masked snippet."""
    recent = sorted(docs, key=lambda d: (d.day, d.id), reverse=True)[:n]
    return [{"id": d.id, "date": d.day.isoformat(), "title": d.title, "snippet": snippet(d, role, place)}
            for d in recent]  # fmt: skip
