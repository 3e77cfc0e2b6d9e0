"""A FollowTheMoney watch or sanctions list as watches: one identifier watch per phone, e-mail, account,
wallet, vehicle and name, labelled with the list's name (`lantern import ftm FILE --as-watchlist NAME`).
Every ingest that touches one raises an alert like any other watch (api/watch/matcher.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from api.state import StateStore
from api.watch.store import WatchStore


def import_watchlist(settings: Any, path: Path, name: str, owner: str) -> tuple[int, int, list[str]]:
    """(watches added, targets already watched under this name, entities that could not be read)."""
    from graph.ftm.run import watch_targets

    targets, errors = watch_targets(path, settings.default_phone_region)
    store = WatchStore(StateStore.open(settings.state_path))
    have = {(w.target, w.label) for w in store.watches()}
    added = 0
    for t in targets:
        if (t.target, name) in have:
            continue
        store.add_watch(owner, "identifier", t.target, {"kind": t.kind, "ftm_id": t.source_id}, name)
        added += 1
    return added, len(targets) - added, errors
