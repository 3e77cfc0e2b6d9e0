"""Per-client rate limits for the anonymous endpoint, keyed on something that is never stored.

The key is HMAC-SHA256(client address) under a random salt made when the process starts and kept only
in memory: counters cannot be tied back to an address, and nothing survives a restart. The counters
themselves live in the `limits` library's in-memory storage (moving window), which expires them.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time

from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class ClientLimiter:
    def __init__(self, per_client: str, overall: str) -> None:
        self._salt = secrets.token_bytes(32)
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._per_client: list[RateLimitItem] = list(parse_many(per_client))
        self._overall: list[RateLimitItem] = list(parse_many(overall))

    def key(self, address: str) -> str:
        return hmac.new(self._salt, address.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def hit(self, address: str) -> int | None:
        """Count one request; None when allowed, else the seconds to wait (nothing is counted then)."""
        checks: list[tuple[RateLimitItem, tuple[str, ...]]]
        checks = [(item, ("client", self.key(address))) for item in self._per_client]
        checks += [(item, ("all",)) for item in self._overall]
        for item, ids in checks:
            if not self._limiter.test(item, *ids):
                reset = self._limiter.get_window_stats(item, *ids).reset_time
                return max(1, math.ceil(reset - time.time()))
        for item, ids in checks:
            self._limiter.hit(item, *ids)
        return None
