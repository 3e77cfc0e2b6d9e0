"""After-ingest hooks: callables told which documents a run wrote or replaced (skipped and failed ones
are not passed). Every ingest path goes through `ingest_results`, so a hook sees `lantern ingest`, the
GraphQL ingest mutation, accepted reports and feeds alike. The API registers its watchlist matcher here
(graph never imports the API); a failing hook is logged and never fails the ingest."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

AfterIngest = Callable[[Any, list[str]], None]
"""(database the run wrote to, ids of the documents written or replaced)."""

log = logging.getLogger("lantern.ingest.hooks")
_lock = threading.Lock()
_hooks: list[AfterIngest] = []


def register(hook: AfterIngest) -> None:
    with _lock:
        if hook not in _hooks:
            _hooks.append(hook)


def unregister(hook: AfterIngest) -> None:
    with _lock:
        if hook in _hooks:
            _hooks.remove(hook)


def notify(db: Any, doc_ids: list[str]) -> None:
    if not doc_ids:
        return
    with _lock:
        hooks = list(_hooks)
    for hook in hooks:
        try:
            hook(db, doc_ids)
        except Exception as exc:  # an alert that cannot be raised must not undo or fail the ingest
            log.warning("after-ingest hook %s failed: %s", getattr(hook, "__name__", hook), exc)
