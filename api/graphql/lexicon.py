"""The graph's personal lexicon, cached per app: what every free-text string is scrubbed against.

`graph.privacy_text.Lexicon` holds every personal value the graph knows (persons, identifiers,
person-shaped organisation names). Building it is one read query and a pass over its rows, so the
API keeps one per app and rebuilds it when it is older than `ttl_s` (default 30 s) or after a write
through the API (ingest, merge, split call :meth:`LexiconCache.invalidate`). A document ingested by
another process is covered at once anyway: each response also scrubs with the persons and
identifiers mentioned in the documents it shows (`api/document_personal_mentions`).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from api.meter import uncharged
from graph.privacy_text import Lexicon, lexicon_from_rows


class LexiconCache:
    def __init__(self, ttl_s: float = 30.0) -> None:
        self.ttl_s = ttl_s
        self._lexicon: Lexicon | None = None
        self._built_at = 0.0
        self._lock = asyncio.Lock()

    def invalidate(self) -> None:
        self._lexicon = None

    async def get(self, graph: Any) -> Lexicon:
        lexicon = self._lexicon
        if lexicon is not None and time.monotonic() - self._built_at < self.ttl_s:
            return lexicon
        async with self._lock:
            if self._lexicon is not None and time.monotonic() - self._built_at < self.ttl_s:
                return self._lexicon
            with uncharged():  # an app-wide cache, not the requester's data (api/meter.py)
                rows = await graph.read("api/personal_lexicon")
            self._lexicon = await asyncio.to_thread(lexicon_from_rows, rows)
            self._built_at = time.monotonic()
            return self._lexicon
