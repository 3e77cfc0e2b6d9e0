"""Hotspots: places ranked by trafficking documents per time window, with trend and GeoJSON.

A document counts when it is CLASSIFIED_AS any TraffickingType and mentions the place. Score =
independent sources: documents from the same source (Document.source, else url, else the document
itself) count once together, so one outlet's ten follow-ups do not outrank three independent reports.
Ties are broken by the number of documents. Trend compares the score with the previous window.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from graph.db import Runner


def _window(until: date, days: int) -> tuple[date, date, date]:
    start = until - timedelta(days=days - 1)
    prev_start = start - timedelta(days=days)
    return prev_start, start, until


def _aggregate(rows: list[dict[str, Any]], start: date) -> dict[str, dict[str, Any]]:
    places: dict[str, dict[str, Any]] = {}
    for r in rows:
        p = places.setdefault(
            r["place_id"],
            {
                "place_id": r["place_id"],
                "place": r["place"],
                "kind": r["kind"],
                "lat": r["lat"],
                "lon": r["lon"],
                "country_code": r["country_code"],
                "cur": defaultdict(set),
                "prev": defaultdict(set),
                "types": set(),
            },
        )
        current = date.fromisoformat(r["published"]) >= start
        p["cur" if current else "prev"][r["source"]].add(r["doc_id"])
        if current:
            p["types"].update(r["types"] or [])
    return places


def _trend(score: int, previous: int) -> str:
    if previous == 0:
        return "new" if score else "none"
    if score > previous:
        return "rising"
    return "falling" if score < previous else "steady"


def hotspots(
    db: Runner,
    window_days: int = 365,
    until: str | None = None,
    kinds: list[str] | None = None,
    limit: int = 20,
) -> dict[str, Any]:
    """Rank places in the window ending `until` (default: latest trafficking document).

    Returns {"window": {...}, "rows": [...], "geojson": FeatureCollection}. Each row: place_id, place,
    kind, lat, lon, score (independent sources), documents, previous_score, trend, types, doc_ids.
    """
    if until is None:
        latest = db.read("analysis/latest_published")
        until = latest[0]["latest"] if latest and latest[0]["latest"] else None
    if until is None:
        return {"window": None, "rows": [], "geojson": feature_collection([])}
    end = date.fromisoformat(until[:10])
    prev_start, start, end = _window(end, window_days)
    rows = db.read(
        "analysis/hotspot_documents", since=prev_start.isoformat(), until=end.isoformat(), kinds=kinds or []
    )
    out = []
    for p in _aggregate(rows, start).values():
        score, previous = len(p["cur"]), len(p["prev"])
        if not score:
            continue
        docs = sorted({d for ds in p["cur"].values() for d in ds})
        out.append(
            {
                "place_id": p["place_id"],
                "place": p["place"],
                "kind": p["kind"],
                "lat": p["lat"],
                "lon": p["lon"],
                "country_code": p["country_code"],
                "score": score,
                "documents": len(docs),
                "previous_score": previous,
                "change": score - previous,
                "trend": _trend(score, previous),
                "types": sorted(p["types"]),
                "doc_ids": docs,
            }
        )
    out.sort(key=lambda r: (-r["score"], -r["documents"], r["place"] or "", r["place_id"]))
    out = out[:limit]
    window = {"start": start.isoformat(), "end": end.isoformat(), "previous_start": prev_start.isoformat(),
              "days": window_days}  # fmt: skip
    return {"window": window, "rows": out, "geojson": feature_collection(out)}


def feature_collection(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """GeoJSON points for places with coordinates (GeoJSON order: lon, lat)."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(r["lon"]), float(r["lat"])]},
            "properties": {k: v for k, v in r.items() if k not in {"lat", "lon"}},
        }
        for r in rows
        if r.get("lat") is not None and r.get("lon") is not None
    ]
    return {"type": "FeatureCollection", "features": features}
