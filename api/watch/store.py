"""Watches and alerts in the API's SQLite state store (see docs/design/live-hub.md: why not the graph)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from api.state import StateStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS watches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}',
    label TEXT,
    created_at TEXT NOT NULL,
    removed_at TEXT
);
CREATE TABLE IF NOT EXISTS watch_rows (
    watch_id INTEGER NOT NULL,
    row_hash TEXT NOT NULL,
    PRIMARY KEY (watch_id, row_hash)
);
CREATE TABLE IF NOT EXISTS alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    watch_id INTEGER NOT NULL,
    document_id TEXT,
    entity_id TEXT,
    kind TEXT,
    surface TEXT,
    title TEXT,
    snippet TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    assignee TEXT,
    notes TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (watch_id, document_id, entity_id)
);
CREATE INDEX IF NOT EXISTS alerts_status ON alerts (status, id);
"""
WATCH_KINDS = ("entity", "identifier", "query")
ALERT_STATUSES = ("new", "triaged", "escalated", "closed")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Watch:
    id: int
    owner: str
    kind: str
    target: str
    params: dict[str, Any]
    label: str | None
    created_at: str


@dataclass(frozen=True)
class Alert:
    id: int
    watch_id: int
    document_id: str | None
    entity_id: str | None
    kind: str | None
    surface: str | None
    title: str | None
    snippet: str
    status: str
    assignee: str | None
    notes: list[dict[str, str]]
    created_at: str
    updated_at: str


def _watch(row: Any) -> Watch:
    d = dict(row)
    d.pop("removed_at", None)
    return Watch(**{**d, "params": json.loads(d["params"])})


def _alert(row: Any) -> Alert:
    d = dict(row)
    return Alert(**{**d, "notes": json.loads(d["notes"])})


class WatchStore:
    def __init__(self, store: StateStore) -> None:
        self.store = store
        for statement in SCHEMA.split(";"):
            if statement.strip():
                store.execute(statement)

    def add_watch(
        self, owner: str, kind: str, target: str, params: dict[str, Any], label: str | None
    ) -> Watch:
        rows = self.store.execute(
            "INSERT INTO watches (owner, kind, target, params, label, created_at) VALUES (?, ?, ?, ?, ?, ?)"
            " RETURNING *",
            (owner, kind, target, json.dumps(params, sort_keys=True), label, now()),
        )
        return _watch(rows[0])

    def remove_watch(self, watch_id: int) -> bool:
        rows = self.store.execute(
            "UPDATE watches SET removed_at = ? WHERE id = ? AND removed_at IS NULL RETURNING id",
            (now(), watch_id),
        )
        return bool(rows)

    def watches(self, owner: str | None = None) -> list[Watch]:
        where = "removed_at IS NULL" + (" AND owner = ?" if owner else "")
        rows = self.store.execute(
            f"SELECT * FROM watches WHERE {where} ORDER BY id", (owner,) if owner else ()
        )
        return [_watch(r) for r in rows]

    def get_watch(self, watch_id: int) -> Watch | None:
        rows = self.store.execute("SELECT * FROM watches WHERE id = ? AND removed_at IS NULL", (watch_id,))
        return _watch(rows[0]) if rows else None

    def new_rows(self, watch_id: int, hashes: list[str]) -> list[str]:
        """Remember `hashes` as seen for a query watch; return the ones not seen before."""
        fresh = []
        for h in hashes:
            if self.store.execute(
                "INSERT OR IGNORE INTO watch_rows (watch_id, row_hash) VALUES (?, ?) RETURNING row_hash",
                (watch_id, h),
            ):
                fresh.append(h)
        return fresh

    def add_alert(self, watch_id: int, document_id: str | None, entity_id: str | None, kind: str | None,
                  surface: str | None, title: str | None, snippet: str) -> Alert | None:  # fmt: skip
        """A new alert, or None when the same watch already alerted on this document and entity."""
        stamp = now()
        rows = self.store.execute(
            "INSERT OR IGNORE INTO alerts (watch_id, document_id, entity_id, kind, surface, title, snippet,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
            (watch_id, document_id, entity_id, kind, surface, title, snippet, stamp, stamp),
        )
        return _alert(rows[0]) if rows else None

    def alerts(self, statuses: list[str] | None, assignee: str | None, watch_id: int | None, after_id: int,
               limit: int, offset: int) -> list[Alert]:  # fmt: skip
        clauses, params = ["id > ?"], [after_id]  # type: list[str], list[object]
        if statuses:
            clauses.append(f"status IN ({','.join('?' * len(statuses))})")
            params += statuses
        if assignee is not None:
            clauses.append("assignee = ?")
            params.append(assignee)
        if watch_id is not None:
            clauses.append("watch_id = ?")
            params.append(watch_id)
        rows = self.store.execute(
            f"SELECT * FROM alerts WHERE {' AND '.join(clauses)} ORDER BY id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [_alert(r) for r in rows]

    def get_alerts(self, ids: list[int]) -> dict[int, Alert]:
        rows = self.store.execute(
            f"SELECT * FROM alerts WHERE id IN ({','.join('?' * len(ids))})", tuple(ids)
        )
        return {r["id"]: _alert(r) for r in rows}

    def update_alert(self, alert: Alert, status: str | None, assignee: str | None, note: str | None,
                     by: str) -> Alert:  # fmt: skip
        notes = list(alert.notes)
        if note:
            notes.append({"at": now(), "by": by, "text": note})
        rows = self.store.execute(
            "UPDATE alerts SET status = ?, assignee = ?, notes = ?, updated_at = ? WHERE id = ? RETURNING *",
            (status or alert.status, assignee if assignee is not None else alert.assignee, json.dumps(notes),
             now(), alert.id),
        )  # fmt: skip
        return _alert(rows[0])
