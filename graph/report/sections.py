# ruff: noqa: E501
"""Report sections that compare the period with the previous one: routes and networks.

Routes are corridors origin → transit → destination built by `graph.analytics.routes` from movement
facts (recruited in, transported from / via / to, exploited at): the graph's movement relationships,
or the same relations in extraction output. A corridor belongs to a period when one of its evidence
documents is a document of that period. Networks are the communities of the last analytics run
(`community_id`, stable across runs: docs/design/reliability.md); a community is active in a period
through the documents that mention its members. Both sections say so when they have nothing to show:
an empty section is an intelligence gap, never silence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from graph.analytics.routes import FACT_ORDER, corridors
from graph.forecast.corridors import flow_name, within
from graph.report import sectors
from graph.report.evidence import Doc, place_names
from ontology import load_ontology

MIN_NETWORK_DOCS = 2  # a network "appears" or "grows" on two or more documents, as a judgement does
_MOVES = [load_ontology().relation(t).label for t in sorted(FACT_ORDER, key=FACT_ORDER.__getitem__)]
MOVEMENT_BASIS = (
    f"what the documents say about the places people were {', '.join(_MOVES[:-1])} or {_MOVES[-1]}"
)
"""The routes' source in words, from the ontology's labels ("… recruited in, transported from, …")."""
SHOWN = 8


def routes(facts: list[dict[str, Any]], cur: list[Doc], prev: list[Doc], window: str) -> dict[str, Any]:
    """Corridors with evidence in the period against the previous one (persons moved, documents)."""
    now = corridors(within(facts, {d.id for d in cur}))
    before = {flow_name(c): c for c in corridors(within(facts, {d.id for d in prev}))}
    flows = []
    for c in now[:SHOWN]:
        b = before.get(flow_name(c))
        prev_persons = int(b["persons"]) if b else 0
        flows.append({"name": flow_name(c), "origin": c["origin"], "via": c["via"], "destination": c["destination"],
                      "persons": c["persons"], "previous": prev_persons, "change": c["persons"] - prev_persons,
                      "documents": c["documents"], "documents_previous": int(b["documents"]) if b else 0,
                      "doc_ids": c["doc_ids"][:5]})  # fmt: skip
    stopped = sorted(set(before) - {flow_name(c) for c in now})
    note = None
    if not flows:
        facts_now = len(within(facts, {d.id for d in cur}))
        said = (
            f"{facts_now} movement fact(s) in {window}, none giving two places for one person"
            if facts_now
            else f"no document of {window} states where a person was recruited, moved from, through or to"
        )
        note = (f"No movement recorded in the period: {said} ({len(before)} corridor(s) in the previous period). "
                "Routes cannot be assessed from these sources; treat this as an intelligence gap, not as "
                "an absence of movement.")  # fmt: skip
    return {"basis": MOVEMENT_BASIS,
            "movement_facts": len(within(facts, {d.id for d in cur})), "flows": flows,
            "no_longer_seen": stopped[:SHOWN], "note": note}  # fmt: skip


def _activity(docs: list[Doc]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for d in docs:
        for community, entity, kind in d.communities:
            a = out.setdefault(
                community, {"docs": set(), "members": {}, "places": Counter(), "forms": Counter()}
            )
            a["docs"].add(d.id)
            a["members"][entity] = kind
        for community in {c for c, _, _ in d.communities}:
            out[community]["forms"].update(d.types)
            out[community]["places"].update(p for p in place_names(d))
    return out


def _describe(community: int, a: dict[str, Any] | None, b: dict[str, Any] | None) -> dict[str, Any]:
    cur, prev = a or {"docs": set(), "members": {}}, b or {"docs": set(), "members": {}}
    about = a or b
    assert about is not None
    kinds = Counter(cur["members"].values() or prev["members"].values())
    return {"community": community, "documents": len(cur["docs"]), "previous": len(prev["docs"]),
            "change": len(cur["docs"]) - len(prev["docs"]),
            "members_active": len(cur["members"]), "members_previous": len(prev["members"]),
            "members_by_kind": ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda x: (-x[1], x[0]))),
            "places": [p for p, _ in about["places"].most_common(3)],
            "forms": [f for f, _ in about["forms"].most_common(2)],
            "doc_ids": sorted(cur["docs"] or prev["docs"])[-3:]}  # fmt: skip


def networks(cur: list[Doc], prev: list[Doc], available: bool, window: str) -> dict[str, Any]:
    """Communities that appeared (no document before, ≥ 2 now), grew (more documents and ≥ 2 now) or
    went quiet (≥ 2 before, none now). Members are described by kind and place, never by name."""
    if not available:
        return {"available": False, "appeared": [], "grew": [], "went_quiet": [],
                "note": "Networks come from the graph's analytics run (`lantern analyze`, then `lantern report "
                        "--graph` or GraphQL `keyJudgementReport`); this report was built without one, so "
                        "whether networks appeared, grew or went quiet is not assessed."}  # fmt: skip
    a, b = _activity(cur), _activity(prev)
    appeared = [c for c in a if c not in b and len(a[c]["docs"]) >= MIN_NETWORK_DOCS]
    grew = [
        c
        for c in a
        if c in b and len(a[c]["docs"]) > len(b[c]["docs"]) and len(a[c]["docs"]) >= MIN_NETWORK_DOCS
    ]
    quiet = [c for c in b if c not in a and len(b[c]["docs"]) >= MIN_NETWORK_DOCS]

    def top(ids: list[int], key: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        ids = sorted(ids, key=lambda c: (-len(key[c]["docs"]), c))[:SHOWN]
        return [_describe(c, a.get(c), b.get(c)) for c in ids]

    note = None
    if not (appeared or grew or quiet):
        note = (f"No network appeared, grew or went quiet on two or more documents in {window} "
                f"({len(a)} communities active now, {len(b)} in the previous period).")  # fmt: skip
    return {"available": True, "active": len(a), "active_previous": len(b),
            "appeared": top(appeared, a), "grew": top(grew, a), "went_quiet": top(quiet, b), "note": note}  # fmt: skip


def _names(xs: Iterable[str], n: int = 3) -> str:
    xs = list(dict.fromkeys(xs))[:n]
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def prevention(
    judged: list[tuple[str, str]],
    flows: list[dict[str, Any]],
    cur: list[Doc],
    label: Callable[[str], str],
    inside: Callable[[str], bool] = lambda _: True,
    n: int = 8,
) -> list[dict[str, str]]:
    """Where to target prevention, for whom and what to watch for.

    Where: the places the key judgements are about (`judged`: place, why), then the departure points
    and transits of the period's busiest corridors — recruitment happens where people leave and pass
    through, not only where exploitation is reported — inside the report's region. For whom: the
    people moving through the place on those corridors (leaving for, passing towards, arriving from)
    and the forms of trafficking reported there. Sectors: where to reach them, the sectors of the
    businesses named there (`graph/report/sectors.py`). Watch for: the indicators most reported there."""
    rows: dict[str, dict[str, str]] = {}
    for place, why in judged:
        rows.setdefault(place, {"where": place, "why": why})
    busiest = sorted(flows, key=lambda f: (-int(f["persons"]), str(f["name"])))[:3]
    for f in busiest:
        for place, role in ((str(f["origin"]), "departure point"), *((str(v), "transit") for v in f["via"])):
            if inside(place):
                who = f"{f['persons']} {'person' if f['persons'] == 1 else 'people'}"
                rows.setdefault(
                    place, {"where": place, "why": f"{role} of {f['name']} ({who} in the period)"}
                )
    out = []
    for place, row in list(rows.items())[:n]:
        moving = []
        leaving = [str(f["destination"]) for f in flows if str(f["origin"]) == place]
        passing = [str(f["destination"]) for f in flows if place in map(str, f["via"])]
        arriving = [str(f["origin"]) for f in flows if str(f["destination"]) == place]
        if leaving:
            moving.append(f"people leaving {place} for {_names(leaving)}")
        if passing:
            moving.append(f"people passing through towards {_names(passing)}")
        if arriving:
            moving.append(f"people arriving from {_names(arriving)}")
        there = [d for d in cur if place in place_names(d)]
        indicators = Counter(i for d in there for i in d.indicators)
        forms = Counter(t for d in there for t in d.types)
        at_risk = [label(t) for t, _ in forms.most_common(2)]
        row["for_whom"] = (
            "; ".join(moving + ([f"at risk of {_names(at_risk)}"] if at_risk else []))
            or "not stated: no movement or form of trafficking recorded there in the period"
        )
        in_sectors = Counter(
            x for d in there for x in sectors.of_document(d.business_types) if x != sectors.UNKNOWN
        )
        row["sectors"] = (
            "; ".join(label(x) for x, _ in in_sectors.most_common(3)) or "—"
        )  # labels hold commas
        row["watch_for"] = ", ".join(label(i) for i, _ in indicators.most_common(3)) or "—"
        out.append(row)
    return out
