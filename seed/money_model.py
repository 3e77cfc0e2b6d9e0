"""Shared pieces of the fictional transaction generator: the ledger it writes to and the account numbers.

Account numbers are the seed's fictional `XX…LANT…` IBANs (seed/identifiers.py): checksum-valid, no real
country. Ranges: seed networks keep their own (`…0000000000NN0N`), generated networks 2_000_000 + 100·i,
shared platforms 3_000_000, everyday life 4_000_000 and up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from seed.identifiers import iban

START = datetime(2026, 1, 5)
DAYS = 112
"""Sixteen weeks of transactions from Monday 5 January 2026."""

FLAG_KEYS = ("fan-in", "rent for several", "advertising", "rapid in-out", "structuring")
"""The red flags the ground truth lists subjects for (the names graph/money/flags.py prints)."""


@dataclass
class Ledger:
    rng: random.Random
    rows: list[tuple[datetime, float, str, str, str, str]] = field(default_factory=list)

    def pay(self, at: datetime, amount: float, currency: str, src: str, dst: str, ref: str) -> None:
        if START <= at < START + timedelta(days=DAYS) and amount > 0 and src != dst:
            self.rows.append((at.replace(second=0, microsecond=0), round(amount, 2), currency, src, dst, ref))

    def moment(self, day: float, early: int = 8, late: int = 20) -> datetime:
        """A time of day between `early` and `late` hours on day `day` (days after START)."""
        hour = self.rng.uniform(early, late)
        return START + timedelta(days=int(day), hours=hour)

    def every(self, first: float, interval: float, jitter: float = 0.0) -> list[float]:
        """Days from `first` every `interval` days (± jitter) up to the end of the period."""
        out, day = [], first
        while day < DAYS:
            out.append(max(0.0, day + self.rng.uniform(-jitter, jitter)))
            day += interval
        return out


def account(n: int) -> str:
    return iban(n)


def monthly_days(rng: random.Random, day_of_month: int, spread: int = 1) -> list[float]:
    """Days (after START) on which a monthly payment falls, around `day_of_month` of each month."""
    out = []
    for month in range(1, 6):
        when = datetime(2026, month, min(28, max(1, day_of_month + rng.randint(-spread, spread))))
        delta = (when - START).days
        if 0 <= delta < DAYS:
            out.append(float(delta))
    return out
