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
    signals: np.ndarray | None = field(default=None, compare=False)
    """Leading indicator per place x period: early-warning documents (an indicator, no case yet)."""
    upstream: np.ndarray | None = field(default=None, compare=False)
    """`upstream[i, j]` = 1 when place j precedes place i on a known corridor (or is its neighbour)."""

    def __post_init__(self) -> None:
        if self.counts.shape != (len(self.places), len(self.periods)):
            raise ValueError(f"counts shape {self.counts.shape} != places x periods")
        if self.signals is not None and self.signals.shape != self.counts.shape:
            raise ValueError(f"signals shape {self.signals.shape} != counts shape {self.counts.shape}")
        n = len(self.places)
        if self.upstream is not None and self.upstream.shape != (n, n):
            raise ValueError(f"upstream shape {self.upstream.shape} != places x places")

    def upto(self, t: int) -> Panel:
        """The panel as it was known at the end of period index `t` (inclusive)."""
        signals = None if self.signals is None else self.signals[:, : t + 1]
        return Panel(self.places, self.periods[: t + 1], self.counts[:, : t + 1], self.season, self.docs,
                     signals, self.upstream)  # fmt: skip

    def known_at(self, t: int, min_total: int = 1) -> tuple[np.ndarray, Panel]:
        """The places a forecaster at the end of period index `t` would have: those with at least
        `min_total` documents up to `t` (a place first seen later is not in its panel), as their
        indices here and the panel of them up to `t`."""
        keep = np.flatnonzero(self.counts[:, : t + 1].sum(axis=1) >= min_total)
        signals = None if self.signals is None else self.signals[keep, : t + 1]
        upstream = None if self.upstream is None else self.upstream[np.ix_(keep, keep)]
        sub = Panel(tuple(self.places[i] for i in keep), self.periods[: t + 1], self.counts[keep, : t + 1],
                    self.season, self.docs, signals, upstream)  # fmt: skip
        return keep, sub

    def with_leading(self, signals: np.ndarray | None, upstream: np.ndarray | None) -> Panel:
        return Panel(self.places, self.periods, self.counts, self.season, self.docs, signals, upstream)


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


def signal_matrix(panel: Panel, events: Iterable[tuple[str, date, str]], granularity: str) -> np.ndarray:
    """Early-warning events `(place, day, document id)` counted on the panel's places and periods
    (a document once per place and period; events outside the panel are ignored)."""
    row = {p: i for i, p in enumerate(panel.places)}
    col = {p: j for j, p in enumerate(panel.periods)}
    seen: set[tuple[int, int, str]] = set()
    for place, day, doc in events:
        i, j = row.get(place), col.get(period_of(day, granularity))
        if i is not None and j is not None:
            seen.add((i, j, doc))
    out = np.zeros(panel.counts.shape)
    for i, j, _ in seen:
        out[i, j] += 1
    return out


def upstream_matrix(places: tuple[str, ...], edges: Iterable[tuple[str, str]]) -> np.ndarray:
    """`(upstream, downstream)` pairs -> the 0/1 matrix `upstream[downstream, upstream]`."""
    index = {p: i for i, p in enumerate(places)}
    out = np.zeros((len(places), len(places)))
    for a, b in edges:
        if a in index and b in index and a != b:
            out[index[b], index[a]] = 1.0
    return out
