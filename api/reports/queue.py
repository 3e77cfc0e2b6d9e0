"""The moderation queue: one row per accepted-for-review report in the API's SQLite state store.

A row holds only what the reporter chose to send — text, place text or a coarse cell, the day (and
hour) observed, a category — plus a random receipt and the moderation outcome. No address, user agent,
cookie or exact receipt time: the queue keeps order with an integer sequence, the day received only.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from api.state import StateStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS sighting_reports (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt TEXT NOT NULL UNIQUE,
    received_day TEXT NOT NULL,
    observed_at TEXT NOT NULL,
    text TEXT NOT NULL,
    place TEXT,
    cell_lat REAL,
    cell_lon REAL,
    category TEXT,
    status TEXT NOT NULL DEFAULT 'pending',
    decided_by TEXT,
    decided_at TEXT,
    document_id TEXT,
    error TEXT
);
CREATE INDEX IF NOT EXISTS sighting_reports_status ON sighting_reports (status, seq);
"""
STATUSES = ("pending", "accepted", "rejected")


@dataclass(frozen=True)
class QueuedReport:
    receipt: str
    received_day: str
    observed_at: str
    text: str
    place: str | None
    cell_lat: float | None
    cell_lon: float | None
    category: str | None
    status: str
    decided_by: str | None
    decided_at: str | None
    document_id: str | None
    error: str | None

    @property
    def doc_id(self) -> str:
        return f"report:{self.receipt}"


_COLUMNS = ", ".join(QueuedReport.__dataclass_fields__)


class ReportQueue:
    def __init__(self, store: StateStore) -> None:
        self.store = store
        for statement in SCHEMA.split(";"):
            if statement.strip():
                store.execute(statement)

    def add(
        self,
        text: str,
        observed_at: str,
        place: str | None,
        cell: tuple[float, float] | None,
        category: str | None,
    ) -> str:
        receipt = "r_" + secrets.token_urlsafe(12)
        lat, lon = cell if cell else (None, None)
        self.store.execute(
            "INSERT INTO sighting_reports (receipt, received_day, observed_at, text, place, cell_lat,"
            " cell_lon, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (receipt, datetime.now(UTC).date().isoformat(), observed_at, text, place, lat, lon, category),
        )
        return receipt

    def page(self, status: str | None, limit: int, offset: int) -> list[QueuedReport]:
        where, params = ("WHERE status = ?", (status,)) if status else ("", ())
        rows = self.store.execute(
            f"SELECT {_COLUMNS} FROM sighting_reports {where} ORDER BY seq LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [QueuedReport(**dict(r)) for r in rows]

    def get(self, receipts: list[str]) -> dict[str, QueuedReport]:
        marks = ",".join("?" * len(receipts))
        rows = self.store.execute(
            f"SELECT {_COLUMNS} FROM sighting_reports WHERE receipt IN ({marks})", tuple(receipts)
        )
        return {r["receipt"]: QueuedReport(**dict(r)) for r in rows}

    def count(self, status: str | None = None) -> int:
        if status:
            rows = self.store.execute("SELECT count(*) FROM sighting_reports WHERE status = ?", (status,))
        else:
            rows = self.store.execute("SELECT count(*) FROM sighting_reports")
        return int(rows[0][0])

    def decide(
        self, receipt: str, status: str, by: str, document_id: str | None = None, error: str | None = None
    ) -> None:
        self.store.execute(
            "UPDATE sighting_reports SET status = ?, decided_by = ?, decided_at = ?, document_id = ?,"
            " error = ? WHERE receipt = ?",
            (status, by, datetime.now(UTC).isoformat(timespec="seconds"), document_id, error, receipt),
        )
