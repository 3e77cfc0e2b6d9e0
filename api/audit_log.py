"""The audit log: who saw which personal data in clear, when, through which operation.

Resolvers call :meth:`Disclosures.add` whenever they hand out an unmasked personal value (the
presenters in `api.graphql.present` do it, next to the masking); the GraphQL extension
`AuditExtension` writes one append-only row per operation that revealed something. Admins read the
log through the `auditLog` query and `lantern audit-log list|export|verify`.

The log is tamper-evident: rows are appended by :func:`append` inside one transaction that chains
them — `row_hash = sha256(prev_hash ␟ id ␟ at ␟ key ␟ role ␟ operation ␟ entity_ids ␟ fields ␟ details)`
with `prev_hash` the previous row's hash — and moves `audit_head` (last id, last hash). :func:`verify`
recomputes the chain: an edited row, a deleted row (a gap in ids or a broken link) or a cut tail
(head or `sqlite_sequence` ahead of the last row) is reported. An attacker who can rewrite the whole
file can recompute a consistent chain; against that, keep the head hash `verify` prints somewhere
else and pass it back with `--expect-head`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
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
    details: list[dict[str, Any]] = field(default_factory=list)

    def add(self, entity_id: str, *fields: str) -> None:
        self.items.setdefault(entity_id, set()).update(fields)

    def note(self, **detail: Any) -> None:
        """Something the row should say besides ids and fields (a merge: its id, reason, result)."""
        self.details.append(detail)

    def __bool__(self) -> bool:
        return bool(self.items or self.details)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    key_name: str
    role: str
    operation: str
    entity_ids: list[str]
    fields: list[str]
    details: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "key_name": self.key_name,
            "role": self.role,
            "operation": self.operation,
            "entity_ids": self.entity_ids,
            "fields": self.fields,
            "details": self.details,
        }


INSERT = (
    "INSERT INTO audit_log (id, at, key_name, role, operation, entity_ids, fields, details,"
    " prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
GENESIS = "0" * 64
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
    details = json.dumps(disclosures.details, sort_keys=True, default=str)
    return (iso, key_name, role, operation, json.dumps(ids), json.dumps(fields), details)


def row_hash(prev_hash: str, row_id: int, values: tuple[object, ...]) -> str:
    text = "\x1f".join([prev_hash, str(row_id), *(str(v) for v in values)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append(store: StateStore, rows: list[tuple[str, ...]]) -> None:
    """Append rows (from :func:`audit_row`) in one transaction, each chained to the one before."""

    def write(conn: sqlite3.Connection) -> None:
        last = conn.execute("SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
        next_id = max(last["id"] if last else 0, seq["seq"] if seq else 0) + 1
        prev = (last["row_hash"] if last else None) or GENESIS
        for values in rows:
            h = row_hash(prev, next_id, values)
            conn.execute(INSERT, (next_id, *values, prev, h))
            prev, next_id = h, next_id + 1
        conn.execute(
            "INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash",
            (next_id - 1, prev),
        )

    if rows:
        store.transaction(write)


def record(store: StateStore, key_name: str, role: str, operation: str, disclosures: Disclosures) -> None:
    """Append one row now (no-op when nothing personal was revealed)."""
    if disclosures:
        append(store, [audit_row(key_name, role, operation, disclosures)])


@dataclass
class Verification:
    rows: int = 0
    legacy: int = 0  # rows written before the chain existed (no hash)
    head: str = GENESIS
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(store: StateStore, expect_head: str | None = None) -> Verification:
    """Recompute the hash chain; report edited, deleted or missing rows."""
    out = Verification()
    prev, prev_id, chained = GENESIS, 0, False
    columns = "id, at, key_name, role, operation, entity_ids, fields, details, prev_hash, row_hash"
    for r in store.execute(f"SELECT {columns} FROM audit_log ORDER BY id"):
        out.rows += 1
        if r["id"] != prev_id + 1 and (chained or prev_id):
            out.problems.append(f"rows {prev_id + 1}..{r['id'] - 1} are missing (deleted)")
        if r["row_hash"] is None:
            if chained:
                out.problems.append(f"row {r['id']} has no hash (inserted around the chain)")
            else:
                out.legacy += 1
            prev_id = r["id"]
            continue
        values = tuple(
            r[c] for c in ("at", "key_name", "role", "operation", "entity_ids", "fields", "details")
        )
        if chained and r["prev_hash"] != prev:
            out.problems.append(f"row {r['id']} does not follow row {prev_id} (a row was deleted or edited)")
        if row_hash(r["prev_hash"] or GENESIS, r["id"], values) != r["row_hash"]:
            out.problems.append(f"row {r['id']} was edited (its hash does not match its values)")
        prev, prev_id, chained = r["row_hash"], r["id"], True
    out.head = prev
    head = store.execute("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
    seq = store.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")
    if head and (head[0]["last_id"] != prev_id or head[0]["last_hash"] != prev):
        out.problems.append(
            f"the log ends at row {prev_id} but its head says row {head[0]['last_id']} (rows cut)"
        )
    if seq and seq[0]["seq"] > prev_id:
        out.problems.append(
            f"row ids went up to {seq[0]['seq']} but the log ends at row {prev_id} (rows cut)"
        )
    if expect_head and expect_head != prev:
        out.problems.append(f"the head hash is {prev}, not the expected {expect_head}")
    return out


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
        snapshot = Disclosures(
            {entity: set(fields) for entity, fields in disclosures.items.items()}, list(disclosures.details)
        )
        item = (key_name, role, operation, snapshot, time.time())
        with self._lock:
            if not self._closed:
                self._pending.append(item)
                self._submitted += 1
                return
        append(self.store, [audit_row(*item)])  # after shutdown: write at once rather than lose it

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
                append(self.store, rows)
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
    reference: str | None = None,
) -> list[AuditEntry]:
    """Newest first; filters are exact key name, ISO time lower bound, an entity id and a screening
    reference (`SCR-…` a partner quotes: the check's row, found by the reference in its details)."""
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
    if reference:
        sql += " AND instr(details, ?) > 0"
        params.append(json.dumps(reference.strip())[:-1])  # the quoted prefix: SCR-X finds SCR-X-3 too
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
            json.loads(r["details"] or "[]"),
        )
        for r in store.execute(sql, tuple(params))
    ]
