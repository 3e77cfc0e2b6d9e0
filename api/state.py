"""The API's own state: API keys, the append-only audit log and pseudonym mappings, in one SQLite
file under `Settings.state_path` (never in the investigative graph).

* keys are stored as sha256 of a random token; the token is shown once, at creation;
* `audit_log` is append-only (SQLite triggers abort any UPDATE or DELETE) and tamper-evident: each
  row carries `row_hash` = sha256 over the previous row's hash and its own values, and `audit_head`
  holds the last id and hash (`api.audit_log.verify`, `lantern audit-log verify`);
* `pseudonyms` maps the opaque ids shown to masked roles (`anon:<hex>`) back to entity ids;
* `secret` holds the per-installation HMAC key behind pseudonyms (stable across restarts);
* `partner_usage` counts the identifiers each partner key screened per month (its quota).

The directory is created 0700 and the file 0600 (SQLite gives its -wal/-shm files the file's mode):
the file holds the pseudonym secret and the anon-id → entity-id map.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS api_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    token_sha256 TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    key_name TEXT NOT NULL,
    role TEXT NOT NULL,
    operation TEXT NOT NULL,
    entity_ids TEXT NOT NULL,
    fields TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '[]',
    prev_hash TEXT,
    row_hash TEXT
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TABLE IF NOT EXISTS pseudonyms (
    token TEXT PRIMARY KEY,
    entity_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_id INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS partner_usage (
    key_name TEXT NOT NULL,
    period TEXT NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (key_name, period)
);
CREATE TABLE IF NOT EXISTS secret (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value TEXT NOT NULL
);
"""


class StateStore:
    """A small thread-safe wrapper around the SQLite file (one connection, one lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        _private_file(path)
        self._lock = threading.Lock()
        self.keys_version = 0  # bumped by `api.auth.revoke_key`; `api.auth.KeyCache` watches it
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: a commit survives an app crash without an fsync per request (power loss may
        # drop the last transactions); the append-only triggers are unaffected.
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(SCHEMA)
        self._migrate()
        self.secret = self._load_secret()

    @classmethod
    def open(cls, state_dir: Path) -> StateStore:
        return cls(state_dir / "lantern-api.sqlite")

    def _migrate(self) -> None:
        """Columns added after the first release: the audit log's (older rows stay unchained: `verify` says
        so) and the partner keys' organisation, purpose and quota (docs/guide/screening.md)."""
        keys = {r["name"] for r in self._conn.execute("PRAGMA table_info(api_keys)")}
        for column in ("partner TEXT", "purpose TEXT", "quota INTEGER"):
            if column.split()[0] not in keys:
                self._conn.execute(f"ALTER TABLE api_keys ADD COLUMN {column}")
        have = {r["name"] for r in self._conn.execute("PRAGMA table_info(audit_log)")}
        for column, decl in (
            ("details", "TEXT NOT NULL DEFAULT '[]'"),
            ("prev_hash", "TEXT"),
            ("row_hash", "TEXT"),
        ):
            if column not in have:
                self._conn.execute(f"ALTER TABLE audit_log ADD COLUMN {column} {decl}")

    def _load_secret(self) -> str:
        with self._lock:
            row = self._conn.execute("SELECT value FROM secret WHERE id = 1").fetchone()
            if row:
                return str(row["value"])
            value = secrets.token_hex(32)
            self._conn.execute("INSERT OR IGNORE INTO secret (id, value) VALUES (1, ?)", (value,))
            return str(self._conn.execute("SELECT value FROM secret WHERE id = 1").fetchone()["value"])

    def execute(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def executemany(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                self._conn.executemany(sql, rows)
                self._conn.execute("COMMIT")
            except Exception:
                self._conn.execute("ROLLBACK")
                raise

    def transaction(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn(connection)` in one write transaction (BEGIN IMMEDIATE), under the store's lock."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                out = fn(self._conn)
                self._conn.execute("COMMIT")
                return out
            except Exception:
                self._conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _private_file(path: Path) -> None:
    """Create the state directory 0700 and the file 0600; tighten them if they exist with wider modes."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.exists():
            os.chmod(p, 0o600)


def configure_privacy(state_dir: Path) -> None:
    """Give graph.privacy this installation's pseudonym secret (the API and `lantern audit` call it)."""
    from graph import privacy

    store = StateStore.open(state_dir)
    try:
        privacy.configure(store.secret)
    finally:
        store.close()
