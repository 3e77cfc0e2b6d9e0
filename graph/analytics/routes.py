"""Routes: origin → transit → destination corridors from movement facts, as a table and GeoJSON.

Per person, stops are ordered: RECRUITED_IN, TRANSPORTED_FROM, TRANSPORTED_VIA (in text order),
TRANSPORTED_TO, and EXPLOITED_AT when no destination was stated (an organisation counts through the place
it is LOCATED_IN). Repeated places collapse; a person with two or more distinct places makes a
corridor. Corridors with the same origin, transit places and destination are merged: persons, evidence
documents and the time span of those documents.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.db import Runner
from ontology.names import R

FACT_ORDER = {
    R.RECRUITED_IN: 0,
    R.TRANSPORTED_FROM: 1,
    R.TRANSPORTED_VIA: 2,
    R.TRANSPORTED_TO: 3,
    R.EXPLOITED_AT: 4,
}


def person_stops(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ordered distinct places of one person's movement facts."""
    has_to = any(f["fact"] == R.TRANSPORTED_TO for f in facts)
    usable = [f for f in facts if not (f["fact"] == R.EXPLOITED_AT and has_to)]
    usable.sort(key=lambda f: (FACT_ORDER[f["fact"]], f.get("first_start") or 0, f["place_id"]))
    stops: list[dict[str, Any]] = []
    for f in usable:
        if not any(s["place_id"] == f["place_id"] for s in stops):
            stops.append(f)
    return stops


def corridors(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_person: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_person[r["person_id"]].append(r)
    merged: dict[tuple[str, ...], dict[str, Any]] = {}
    for pid, facts in sorted(by_person.items()):
        stops = person_stops(facts)
        if len(stops) < 2:
            continue
        key = tuple(s["place_id"] for s in stops)
        c = merged.setdefault(
            key,
            {
                "origin": stops[0]["place"],
                "via": [s["place"] for s in stops[1:-1]],
                "destination": stops[-1]["place"],
                "place_ids": list(key),
                "coordinates": [
                    [s["lon"], s["lat"]] for s in stops if s["lat"] is not None and s["lon"] is not None
                ],
                "persons": set(),
                "person_names": set(),
                "doc_ids": set(),
                "dates": set(),
            },
        )
        c["persons"].add(pid)
        c["person_names"].add(facts[0]["person"] or pid)
        for f in facts:
            c["doc_ids"].update(f["doc_ids"] or [])
            c["dates"].update(f["dates"] or [])
    out = []
    for c in merged.values():
        dates = sorted(c.pop("dates"))
        out.append(
            {
                **c,
                "persons": len(c["persons"]),
                "person_names": sorted(c["person_names"]),
                "documents": len(c["doc_ids"]),
                "doc_ids": sorted(c["doc_ids"]),
                "first_seen": dates[0] if dates else None,
                "last_seen": dates[-1] if dates else None,
            }
        )
    out.sort(key=lambda r: (-r["persons"], -r["documents"], r["origin"] or "", r["destination"] or ""))
    return out


def routes(db: Runner, limit: int = 50, min_persons: int = 1) -> dict[str, Any]:
    """Corridors as {"rows": [...], "geojson": FeatureCollection of LineStrings}.

    Each row: origin, via (list), destination, place_ids, persons, person_names, documents, doc_ids,
    first_seen, last_seen (ISO dates of the evidence documents), coordinates ([lon, lat] per stop).
    """
    rows = [r for r in corridors(db.read("analysis/route_facts")) if r["persons"] >= min_persons][:limit]
    return {"rows": rows, "geojson": feature_collection(rows)}


def feature_collection(rows: list[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for r in rows:
        coords = [[float(x), float(y)] for x, y in r["coordinates"]]
        geometry = {"type": "LineString", "coordinates": coords} if len(coords) >= 2 else None
        props = {k: v for k, v in r.items() if k != "coordinates"}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}
