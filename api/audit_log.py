"""The audit log: who saw which personal data in clear, when, through which operation.

Resolvers call :meth:`Disclosures.add` whenever they hand out an unmasked personal value (the
presenters in `api.graphql.present` do it, next to the masking); the GraphQL extension
`AuditExtension` writes one append-only row per operation that revealed something. Admins read the
log through the `auditLog` query and `lantern audit-log list|export`.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from api.state import StateStore


@dataclass
class Disclosures:
    """Personal data revealed in clear while answering one request: entity id → field names."""

    items: dict[str, set[str]] = field(default_factory=dict)

    def add(self, entity_id: str, *fields: str) -> None:
        self.items.setdefault(entity_id, set()).update(fields)

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    key_name: str
    role: str
    operation: str
    entity_ids: list[str]
    fields: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "key_name": self.key_name,
            "role": self.role,
            "operation": self.operation,
            "entity_ids": self.entity_ids,
            "fields": self.fields,
        }


INSERT = "INSERT INTO audit_log (at, key_name, role, operation, entity_ids, fields) VALUES (?, ?, ?, ?, ?, ?)"
log = logging.getLogger("lantern.api.audit")


def audit_row(
    key_name: str, role: str, operation: str, disclosures: Disclosures, at: float | None = None
) -> tuple[str, ...]:
    """The row for one operation, timestamped `at` (epoch seconds; default now) — when the data was
    handed out."""
    ids = sorted(disclosures.items)
    fields = sorted({f for fs in disclosures.items.values() for f in fs})
    when = datetime.now(UTC) if at is None else datetime.fromtimestamp(at, UTC)
    iso = when.isoformat(timespec="milliseconds")
    return (iso, key_name, role, operation, json.dumps(ids), json.dumps(fields))


def record(store: StateStore, key_name: str, role: str, operation: str, disclosures: Disclosures) -> None:
    """Append one row now (no-op when nothing personal was revealed)."""
    if disclosures:
        store.execute(INSERT, audit_row(key_name, role, operation, disclosures))


class AuditWriter:
    """Appends audit rows from a background thread, so a request does not wait for SQLite.

    A request only appends its row to an in-memory list (no thread wake-up, no lock held across
    I/O); the writer thread writes whatever has accumulated every `interval_s` seconds (default
    0.05), in submission order, one transaction per batch. Nothing is dropped: a failed write is
    retried; :meth:`flush` waits until every submitted row is in the table (the `auditLog` query
    calls it before reading) and :meth:`close` (app shutdown, and at interpreter exit) flushes and
    stops the thread. Rows can only be lost if the process is killed hard (SIGKILL, power loss)
    within those `interval_s` seconds.
    """

    def __init__(self, store: StateStore, interval_s: float = 0.05, retry_s: float = 0.2) -> None:
        self.store, self.interval_s, self.retry_s = store, interval_s, retry_s
        self._pending: list[tuple[str, str, str, Disclosures, float]] = []
        self._lock = threading.Lock()  # guards _pending and the submitted/written counters
        self._submitted = 0
        self._written = 0
        self._wake = threading.Event()
        self._done = threading.Condition(self._lock)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="lantern-audit-writer", daemon=True)
        self._thread.start()

    def submit(self, key_name: str, role: str, operation: str, disclosures: Disclosures) -> None:
        """Queue one row (no-op when nothing personal was revealed), timestamped now. The row itself
        (sorted ids and fields, JSON, ISO time) is built by the writer thread, off the request."""
        if not disclosures:
            return
        snapshot = Disclosures({entity: set(fields) for entity, fields in disclosures.items.items()})
        item = (key_name, role, operation, snapshot, time.time())
        with self._lock:
            if not self._closed:
                self._pending.append(item)
                self._submitted += 1
                return
        self.store.execute(INSERT, audit_row(*item))  # after shutdown: write at once rather than lose it

    def flush(self) -> None:
        """Block until every row submitted so far is written."""
        with self._lock:
            target = self._submitted
            if self._written >= target:
                return
            self._wake.set()
            while self._written < target and self._thread.is_alive():
                self._done.wait(timeout=1.0)

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._wake.set()
        self._thread.join()

    def _write_pending(self) -> None:
        with self._lock:
            items, self._pending = self._pending, []
        rows = [audit_row(*item) for item in items]
        while rows:
            try:
                self.store.executemany(INSERT, rows)
                break
            except Exception:  # e.g. database locked by another writer: retry, never drop
                log.exception("Writing %d audit rows failed; retrying.", len(rows))
                time.sleep(self.retry_s)
        with self._lock:
            self._written += len(rows)
            self._done.notify_all()

    def _run(self) -> None:
        while True:
            self._wake.wait(self.interval_s)
            self._wake.clear()
            self._write_pending()
            with self._lock:
                if self._closed and not self._pending:
                    return


def entries(
    store: StateStore,
    key_name: str | None = None,
    since: str | None = None,
    entity_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[AuditEntry]:
    """Newest first; filters are exact key name, ISO time lower bound and an entity id."""
    sql = "SELECT * FROM audit_log WHERE 1=1"
    params: list[object] = []
    if key_name:
        sql += " AND key_name = ?"
        params.append(key_name)
    if since:
        sql += " AND at >= ?"
        params.append(since)
    if entity_id:
        sql += " AND EXISTS (SELECT 1 FROM json_each(audit_log.entity_ids) WHERE value = ?)"
        params.append(entity_id)
    sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [
        AuditEntry(
            r["id"],
            r["at"],
            r["key_name"],
            r["role"],
            r["operation"],
            json.loads(r["entity_ids"]),
            json.loads(r["fields"]),
        )
        for r in store.execute(sql, tuple(params))
    ]
