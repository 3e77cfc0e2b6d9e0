"""The after-ingest hook: match the documents an ingest wrote against every active watch.

* entity and identifier watches: one read (`watch/touched_entities`) finds the watched entities the new
  documents mention; an alert per (watch, document, entity) carries the document, its title and a snippet;
* query watches: the library query is re-run; rows never seen before (by content hash; the rows present
  when the watch was made are the baseline) raise one alert each, naming the documents of this ingest.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from typing import Any

from api.state import StateStore
from api.watch.store import Alert, WatchStore

log = logging.getLogger("lantern.watch")
SNIPPET_CHARS = 400


def row_hash(row: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(row, sort_keys=True, default=str).encode()).hexdigest()[:32]


def query_rows(db: Any, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    from graph.library import run_library_query

    return run_library_query(db, name, params)


def match(db: Any, watches: WatchStore, doc_ids: list[str]) -> list[Alert]:
    """Alerts raised by the documents `doc_ids` just written (duplicates are not raised twice)."""
    active = watches.watches()
    raised: list[Alert] = []
    by_target: dict[str, list[int]] = {}
    for w in active:
        if w.kind in ("entity", "identifier"):
            by_target.setdefault(w.target, []).append(w.id)
    if by_target:
        rows = db.read("watch/touched_entities", doc_ids=doc_ids, entity_ids=sorted(by_target))
        for row in rows:
            for watch_id in by_target.get(row["entity_id"], []):
                snippet = (row["snippet"] or "")[:SNIPPET_CHARS]
                doc, entity = row["doc_id"], row["entity_id"]
                alert = watches.add_alert(
                    watch_id, doc, entity, row["kind"], row["surface"], row["title"], snippet
                )
                if alert:
                    raised.append(alert)
    for w in active:
        if w.kind != "query":
            continue
        try:
            rows = query_rows(db, w.target, w.params)
        except Exception as exc:  # a broken watched query must not stop the other watches
            log.warning("watch %s: query %s failed: %s", w.id, w.target, exc)
            continue
        hashes = {row_hash(r): r for r in rows}
        for h in watches.new_rows(w.id, list(hashes)):
            text = json.dumps(hashes[h], sort_keys=True, default=str)[:SNIPPET_CHARS]
            alert = watches.add_alert(w.id, ",".join(doc_ids[:5]), f"row:{h}", None, None, w.target, text)
            if alert:
                raised.append(alert)
    return raised


def baseline(db: Any, watches: WatchStore, watch_id: int, name: str, params: dict[str, Any]) -> int:
    """Record the rows a query watch has now, so only rows that appear later raise alerts."""
    return len(watches.new_rows(watch_id, [row_hash(r) for r in query_rows(db, name, params)]))


_enabled: dict[str, Callable[[Any, list[str]], None]] = {}


def enable(store: StateStore) -> Callable[[Any, list[str]], None]:
    """Register the matcher as an after-ingest hook for this state store (once per store file)."""
    from graph.ingest import hooks

    key = str(store.path)
    if key in _enabled:
        hooks.unregister(_enabled[key])
    watches = WatchStore(store)

    def raise_alerts(db: Any, doc_ids: list[str]) -> None:
        alerts = match(db, watches, doc_ids)
        if alerts:
            log.info("%d alert(s) raised by %d document(s)", len(alerts), len(doc_ids))

    _enabled[key] = raise_alerts
    hooks.register(raise_alerts)
    return raise_alerts
