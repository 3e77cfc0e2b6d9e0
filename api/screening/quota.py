"""Partner quotas: identifiers screened per key per calendar month (UTC), counted in the state store.

:func:`charge` checks and books a batch in one SQLite transaction, so two concurrent requests cannot both
pass the last free units; a refused batch books nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from api.state import StateStore


class QuotaExceeded(Exception):
    def __init__(self, used: int, quota: int, asked: int, resets: str) -> None:
        left = max(0, quota - used)
        super().__init__(
            f"Quota exceeded: this key may screen {quota} identifiers a month and has used {used}; "
            f"this request has {asked}. Send at most {left} now, wait until the quota resets on {resets} "
            "(UTC), or ask the hub's administrator to issue a key with a larger quota."
        )
        self.used, self.quota, self.asked, self.resets = used, quota, asked, resets


@dataclass(frozen=True)
class Usage:
    used: int
    quota: int


def period(now: datetime | None = None) -> tuple[str, str]:
    """(this month as YYYY-MM, the first day of the next one as YYYY-MM-DD)."""
    t = now or datetime.now(UTC)
    nxt = datetime(t.year + (t.month == 12), t.month % 12 + 1, 1, tzinfo=UTC)
    return f"{t.year:04d}-{t.month:02d}", nxt.date().isoformat()


def charge(store: StateStore, key_name: str, quota: int, n: int, now: datetime | None = None) -> Usage:
    """Book `n` identifiers for `key_name` this month, or raise :class:`QuotaExceeded` (nothing booked)."""
    month, resets = period(now)

    def book(conn: sqlite3.Connection) -> Usage:
        row = conn.execute(
            "SELECT used FROM partner_usage WHERE key_name = ? AND period = ?", (key_name, month)
        ).fetchone()
        used = int(row["used"]) if row else 0
        if used + n > quota:
            raise QuotaExceeded(used, quota, n, resets)
        conn.execute(
            "INSERT INTO partner_usage (key_name, period, used) VALUES (?, ?, ?) "
            "ON CONFLICT(key_name, period) DO UPDATE SET used = used + excluded.used",
            (key_name, month, n),
        )
        return Usage(used + n, quota)

    return store.transaction(book)
