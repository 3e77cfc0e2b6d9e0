"""Corridors as forecast inputs: movement facts from extraction lines, the corridors of each period
and the consecutive stops they link — what the route forecast counts (`corridor_events`) and what
the place forecast reads upstream (`corridor_pairs`). The report's routes section and
`lantern forecast backtest --routes` both build on these, so the two count the same events.

A corridor (origin → transit → destination) is built by `graph.analytics.routes.corridors` from the
movement facts whose evidence is among a set of documents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any, Protocol

from graph.analytics.routes import FACT_ORDER, corridors
from graph.forecast.panel import period_of
from graph.forecast.sources import published_day
from ontology import load_ontology

_MOVED_TO = next(r for r in load_ontology().relations.values() if r.name == "transportedFrom").range
PLACE_CLASSES = frozenset().union(*(load_ontology().classes_under(c) for c in _MOVED_TO))
"""Classes a movement can start, pass or end at (the range of the ontology's movement properties)."""


class Dated(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def day(self) -> date: ...


@dataclass(frozen=True)
class DatedId:
    id: str
    day: date


def dated(rows: Iterable[dict[str, Any]]) -> list[DatedId]:
    """(id, publication day) of extraction lines; undated lines are skipped."""
    days = ((str(row["id"]), published_day(row.get("published"))) for row in rows)
    return [DatedId(doc, day) for doc, day in days if day is not None]


def movement_facts(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Movement relations of extraction lines as `analysis/route_facts` rows (one person per document:
    extraction output does not resolve a person across documents; the graph does)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        pub = str(row.get("published") or "")[:10]
        ents = {str(e["id"]): e for e in row.get("entities") or [] if isinstance(e, dict) and "id" in e}
        for rel in row.get("relations") or []:
            if not isinstance(rel, dict) or rel.get("type") not in FACT_ORDER or len(pub) < 10:
                continue
            place = ents.get(str(rel.get("target")))
            if place is None or place.get("type") not in PLACE_CLASSES or not place.get("value"):
                continue
            name = str(place["value"])
            out.append({"person_id": f"{row['id']}#{rel.get('source')}", "person": None, "fact": rel["type"],
                        "place_id": name, "place": name, "kind": place.get("type"), "lat": None, "lon": None,
                        "first_start": int(place.get("start") or 0), "doc_ids": [str(row["id"])],
                        "dates": [pub]})  # fmt: skip
    return out


def within(facts: list[dict[str, Any]], ids: set[str]) -> list[dict[str, Any]]:
    """Facts with evidence among `ids`, their evidence cut to those documents."""
    kept = []
    for f in facts:
        docs = [d for d in f.get("doc_ids") or [] if d in ids]
        if docs:
            kept.append({**f, "doc_ids": docs, "dates": []})
    return kept


def flow_name(c: dict[str, Any]) -> str:
    """ "origin → transit → destination" of a corridor."""
    return " → ".join([str(c["origin"]), *map(str, c["via"]), str(c["destination"])])


def corridor_pairs(facts: list[dict[str, Any]], docs: Iterable[Dated]) -> list[tuple[str, str]]:
    """(upstream, downstream) consecutive stops of the corridors the documents record."""
    pairs: set[tuple[str, str]] = set()
    for c in corridors(within(facts, {d.id for d in docs})):
        stops = [str(c["origin"]), *map(str, c["via"]), str(c["destination"])]
        pairs.update(pairwise(stops))
    return sorted(pairs)


def corridor_events(
    facts: list[dict[str, Any]], docs: Iterable[Dated], granularity: str
) -> list[tuple[str, date, str]]:
    """(corridor, day, document) for every document that records a corridor, the corridors built per
    period as the report's routes section builds them per window: the events a route forecast counts."""
    by_period: dict[str, dict[str, date]] = defaultdict(dict)
    for d in docs:
        by_period[period_of(d.day, granularity)][d.id] = d.day
    out = []
    for day in by_period.values():
        for c in corridors(within(facts, set(day))):
            out += [(flow_name(c), day[i], i) for i in c["doc_ids"] if i in day]
    return out
