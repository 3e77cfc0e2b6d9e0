"""The API's own stores as GDPR derived stores (graph/gdpr/subject.py `DerivedStore`): watches on an
identifier, alerts that name or quote it, the anon-id → entity-id pseudonym map, and the identifier's
encrypted PSI element in the state directory's PSI store (graph/screening/psi_store.py)."""

from __future__ import annotations

from typing import Any

from api.audit_log import entries
from api.state import StateStore
from api.watch.store import WatchStore
from graph.gdpr.subject import mask
from graph.screening.psi_store import PsiStore


class Watches:
    name = "watches"

    def __init__(self, store: StateStore) -> None:
        self.store = store
        WatchStore(store)  # the tables exist even before the first watch

    def _ids(self, entity_ids: list[str]) -> list[int]:
        marks = ",".join("?" * len(entity_ids))
        rows = self.store.execute(f"SELECT id FROM watches WHERE target IN ({marks})", tuple(entity_ids))
        return [r["id"] for r in rows]

    def find(self, entity_ids: list[str], texts: list[str]) -> list[dict[str, Any]]:
        ids = self._ids(entity_ids)
        marks = ",".join("?" * len(ids))
        rows = self.store.execute(f"SELECT * FROM watches WHERE id IN ({marks})", tuple(ids)) if ids else []
        return [dict(r) for r in rows]

    def erase(self, entity_ids: list[str], texts: list[str]) -> int:
        ids = self._ids(entity_ids)
        if not ids:
            return 0
        marks, args = ",".join("?" * len(ids)), tuple(ids)
        for table, column in (("watch_rows", "watch_id"), ("alerts", "watch_id"), ("watches", "id")):
            self.store.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", args)
        return len(ids)


class Alerts:
    name = "alerts"

    def __init__(self, store: StateStore) -> None:
        self.store = store
        WatchStore(store)

    def find(self, entity_ids: list[str], texts: list[str]) -> list[dict[str, Any]]:
        rows = self.store.execute("SELECT * FROM alerts ORDER BY id")
        return [
            dict(r)
            for r in rows
            if r["entity_id"] in entity_ids or any(t in (r["snippet"] or "") for t in texts)
        ]

    def erase(self, entity_ids: list[str], texts: list[str]) -> int:
        changed = 0
        for row in self.find(entity_ids, texts):
            if row["entity_id"] in entity_ids:
                self.store.execute("DELETE FROM alerts WHERE id = ?", (row["id"],))
            else:
                snippet, _ = mask(row["snippet"] or "", texts)
                title, _ = mask(row["title"] or "", texts)
                self.store.execute(
                    "UPDATE alerts SET snippet = ?, title = ? WHERE id = ?", (snippet, title, row["id"])
                )
            changed += 1
        return changed


class Pseudonyms:
    name = "pseudonyms"

    def __init__(self, store: StateStore) -> None:
        self.store = store

    def find(self, entity_ids: list[str], texts: list[str]) -> list[dict[str, Any]]:
        marks = ",".join("?" * len(entity_ids))
        rows = self.store.execute(f"SELECT * FROM pseudonyms WHERE entity_id IN ({marks})", tuple(entity_ids))
        return [dict(r) for r in rows]

    def erase(self, entity_ids: list[str], texts: list[str]) -> int:
        found = self.find(entity_ids, texts)
        for row in found:
            self.store.execute("DELETE FROM pseudonyms WHERE token = ?", (row["token"],))
        return len(found)


class PsiElements:
    """The PSI store keeps, per hub identifier, a keyed label and its encrypted element (no clear value)."""

    name = "psi store"

    def __init__(self, store: StateStore) -> None:
        self.psi = PsiStore.in_dir(store.path.parent)

    def find(self, entity_ids: list[str], texts: list[str]) -> list[dict[str, Any]]:
        return [
            {"entity_id": i, "held": "a keyed label and the encrypted PSI element (no clear value)"}
            for i in self.psi.holds(entity_ids)
        ]

    def erase(self, entity_ids: list[str], texts: list[str]) -> int:
        return self.psi.forget(entity_ids)


def derived_stores(store: StateStore) -> list[Any]:
    return [Watches(store), Alerts(store), Pseudonyms(store), PsiElements(store)]


def audit_rows_naming(store: StateStore, entity_ids: list[str]) -> list[dict[str, Any]]:
    """Audit-log rows that name any of these entity ids (oldest first)."""
    rows = {e.id: e.as_dict() for eid in entity_ids for e in entries(store, entity_id=eid, limit=1_000_000)}
    return [rows[i] for i in sorted(rows)]
