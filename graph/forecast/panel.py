"""A count panel: how many documents mention each place in each period."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np


@dataclass(frozen=True)
class Panel:
    """`counts[i, t]` = documents naming place `places[i]` in period `periods[t]` (oldest first).

    `season` is the number of periods in a year (12 for months, 4 for quarters, None for years).
    """

    places: tuple[str, ...]
    periods: tuple[str, ...]
    counts: np.ndarray
    season: int | None = None
    docs: dict[tuple[str, str], list[str]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.counts.shape != (len(self.places), len(self.periods)):
            raise ValueError(f"counts shape {self.counts.shape} != places x periods")

    def upto(self, t: int) -> Panel:
        """The panel as it was known at the end of period index `t` (inclusive)."""
        return Panel(self.places, self.periods[: t + 1], self.counts[:, : t + 1], self.season, self.docs)


def period_of(day: date, granularity: str) -> str:
    """`2019-05-17` -> `2019` (year), `2019-Q2` (quarter) or `2019-05` (month)."""
    if granularity == "year":
        return f"{day.year}"
    if granularity == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "month":
        return f"{day.year}-{day.month:02d}"
    raise ValueError(f"granularity must be year, quarter or month, not {granularity!r}")


def _period_range(first: str, last: str, granularity: str) -> list[str]:
    if granularity == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    step = 3 if granularity == "quarter" else 1

    def index(p: str) -> int:
        y, rest = p.split("-")
        m = (int(rest[1:]) - 1) * 3 + 1 if granularity == "quarter" else int(rest)
        return int(y) * 12 + m - 1

    out = []
    for i in range(index(first), index(last) + 1, step):
        out.append(period_of(date(i // 12, i % 12 + 1, 1), granularity))
    return out


SEASON = {"year": None, "quarter": 4, "month": 12}


def build_panel(
    events: Iterable[tuple[str, date, str]],
    granularity: str = "year",
    min_total: int = 1,
    through: date | None = None,
) -> Panel:
    """Events `(place, day, document id)` -> a dense panel; a document counts once per place and period.

    Periods run without gaps from the first event to the last (or to `through`'s period, so a
    quiet end is counted as zeros, not cut off); places with fewer than `min_total`
    documents overall are dropped (they cannot be ranked meaningfully).
    """
    docs: dict[tuple[str, str], set[str]] = {}
    for place, day, doc in events:
        docs.setdefault((place, period_of(day, granularity)), set()).add(doc)
    if not docs:
        raise ValueError("no dated place mentions to build a panel from")
    seen = sorted({p for _, p in docs})
    last = max(seen[-1], period_of(through, granularity)) if through else seen[-1]
    periods = _period_range(seen[0], last, granularity)
    totals: dict[str, int] = {}
    for (place, _), ids in docs.items():
        totals[place] = totals.get(place, 0) + len(ids)
    places = sorted(p for p, n in totals.items() if n >= min_total)
    col = {p: j for j, p in enumerate(periods)}
    row = {p: i for i, p in enumerate(places)}
    counts = np.zeros((len(places), len(periods)), dtype=float)
    for (place, period), ids in docs.items():
        if place in row:
            counts[row[place], col[period]] = len(ids)
    kept = {k: sorted(v) for k, v in docs.items() if k[0] in row}
    return Panel(tuple(places), tuple(periods), counts, SEASON[granularity], kept)


def next_period(period: str, granularity: str) -> str:
    """The period after `period` (`2019` -> `2020`, `2019-Q4` -> `2020-Q1`, `2019-12` -> `2020-01`)."""
    if granularity == "year":
        return str(int(period) + 1)
    y, rest = period.split("-")
    if granularity == "quarter":
        q = int(rest[1:])
        return f"{int(y) + q // 4}-Q{q % 4 + 1}"
    m = int(rest)
    return f"{int(y) + m // 12}-{m % 12 + 1:02d}"
