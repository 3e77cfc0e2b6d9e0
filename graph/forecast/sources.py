"""Where the dated place events come from: extraction output (`lantern extract` JSONL) or a scenario."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ontology.names import C

# The rule: a hotspot is a town or city (or a place the extractor could only call a Location);
# regions, countries and street addresses are coarser or finer than the ranking is about.
PLACE_TYPES: tuple[str, ...] = (C.City, C.Location)


def published_day(value: object) -> date | None:
    """The day of an ISO `published` value (its first ten characters); None when there is none."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def events_from_extraction(
    lines: Iterable[str], types: tuple[str, ...] = PLACE_TYPES
) -> Iterator[tuple[str, date, str]]:
    """`(place value, published day, document id)` for every place entity of a dated document."""
    for line in lines:
        if not line.strip():
            continue
        doc = json.loads(line)
        day = published_day(doc.get("published"))
        if day is None:
            continue
        for ent in doc.get("entities", []):
            if ent.get("type") in types and ent.get("value"):
                yield str(ent["value"]), day, str(doc["id"])


def is_early_warning(doc: dict[str, object]) -> bool:
    """An early warning: the document carries an indicator of trafficking but no case of a form of it yet
    (a job advert, an outreach sighting) — the low-level signal that precedes reported exploitation."""
    cls = doc.get("classification") or {}
    return isinstance(cls, dict) and bool(cls.get("indicators")) and not cls.get("trafficking_types")


def events_from_file(path: Path, warnings_only: bool = False) -> list[tuple[str, date, str]]:
    """Place events of an extraction file (`warnings_only`: of its early-warning documents)."""
    with path.open(encoding="utf-8") as fh:
        lines = (x for x in fh if not warnings_only or (x.strip() and is_early_warning(json.loads(x))))
        return list(events_from_extraction(lines))
