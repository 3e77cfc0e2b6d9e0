"""Watchlists and alerts: watch an entity, an identifier (even one not yet in the graph) or a library
query; every ingest (`graph.ingest.hooks`) is matched against the watches and raises alerts, which
analysts triage (status, assignee, notes — every change audited).

* `store`   — watches and alerts in the API's SQLite state store;
* `matcher` — the after-ingest hook: touched watched entities, library queries that gained rows;
* `graphql` — `watch`, `unwatch`, `watches`, `alerts`, `triageAlerts`, subscription `alertRaised`.
"""

from typing import Any

from api.watch.matcher import enable
from api.watch.store import WatchStore


def install(state: Any) -> WatchStore:
    """Watches and alerts for the API: the store on the AppState, the matcher on every ingest here."""
    state.watches = WatchStore(state.store)
    enable(state.store)
    return state.watches


def enable_for_cli(settings: Any) -> None:
    """`lantern ingest` (its own process): match what it writes against the API's watches."""
    from api.state import StateStore

    enable(StateStore.open(settings.state_path))


__all__ = ["enable", "enable_for_cli", "install"]
