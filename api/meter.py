"""What a request actually read from Neo4j, charged to its key's row budget.

The static estimate (api/cost.py) is computed from the query text before anything runs: it refuses the
obviously huge (20 aliased 3-hop neighbourhoods) but prices a `neighbourhood` around a node with three
neighbours like one around a hub with thousands. So every resolver read is also metered: the request
guard puts a :class:`RowMeter` in a context variable, `GraphAccess.read` adds the weight of the rows it
returns (:func:`row_weight`), and the guard charges the total to the key's moving budget
(`api_row_budget`, e.g. 60,000 rows a minute). A key that has used its budget gets 429 until the
window frees; the response of every metered request carries `X-Lantern-Rows`.

Reads that fill an app-wide cache (the personal lexicon, rebuilt every 30 s) are not the requester's
data and run :func:`uncharged`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass
class RowMeter:
    rows: int = 0
    reads: int = 0

    def add(self, rows: Iterable[Mapping[str, Any]]) -> None:
        self.rows += row_weight(rows)
        self.reads += 1


METER: ContextVar[RowMeter | None] = ContextVar("lantern_row_meter", default=None)


def row_weight(rows: Iterable[Mapping[str, Any]]) -> int:
    """Rows plus the items of the lists in them: a `neighbourhood` answers one row holding its nodes,
    edges and mentions, and those are what it costs to read, mask and send."""
    return sum(1 + sum(len(v) for v in row.values() if isinstance(v, list)) for row in rows)


def charge(rows: Iterable[Mapping[str, Any]]) -> None:
    """Add `rows` to the running request's meter (no meter: not a metered request — a tool, a test)."""
    meter = METER.get()
    if meter is not None:
        meter.add(rows)


@contextmanager
def uncharged() -> Iterator[None]:
    token = METER.set(None)
    try:
        yield
    finally:
        METER.reset(token)
