"""Feeds and the articles seen, in the API's SQLite state store (status per feed; dedupe per URL)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from api.state import StateStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    region TEXT,
    interval_s REAL NOT NULL,
    added_at TEXT NOT NULL,
    next_poll REAL NOT NULL DEFAULT 0,
    last_poll TEXT,
    last_success TEXT,
    last_error TEXT,
    errors_in_row INTEGER NOT NULL DEFAULT 0,
    items_seen INTEGER NOT NULL DEFAULT 0,
    items_new INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS feed_items (
    url TEXT PRIMARY KEY,
    feed_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_sentences (
    source TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (source, fingerprint)
);
"""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    name: str
    region: str | None
    interval_s: float
    added_at: str
    next_poll: float
    last_poll: str | None
    last_success: str | None
    last_error: str | None
    errors_in_row: int
    items_seen: int
    items_new: int


class FeedStore:
    def __init__(self, store: StateStore) -> None:
        self.store = store
        for statement in SCHEMA.split(";"):
            if statement.strip():
                store.execute(statement)

    def add(self, url: str, name: str | None, region: str | None, interval_s: float) -> Feed:
        if self.store.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)):
            raise ValueError(f"feed {url} is already added (see `lantern feeds list`)")
        rows = self.store.execute(
            "INSERT INTO feeds (url, name, region, interval_s, added_at) VALUES (?, ?, ?, ?, ?) RETURNING *",
            (url, name or url, region, interval_s, now_iso()),
        )
        return Feed(**dict(rows[0]))

    def remove(self, ref: str) -> bool:
        rows = self.store.execute(
            "DELETE FROM feeds WHERE url = ? OR CAST(id AS TEXT) = ? RETURNING id", (ref, ref)
        )
        return bool(rows)

    def feeds(self) -> list[Feed]:
        return [Feed(**dict(r)) for r in self.store.execute("SELECT * FROM feeds ORDER BY id")]

    def due(self, at: float) -> list[Feed]:
        rows = self.store.execute("SELECT * FROM feeds WHERE next_poll <= ? ORDER BY next_poll", (at,))
        return [Feed(**dict(r)) for r in rows]

    def item(self, url: str) -> dict[str, Any] | None:
        rows = self.store.execute("SELECT * FROM feed_items WHERE url = ?", (url,))
        return dict(rows[0]) if rows else None

    def remember(
        self, url: str, feed_id: int, doc_id: str, content_hash: str,
        source: str = "", prints: Iterable[str] = (),
    ) -> None:  # fmt: skip
        """The article is ingested; with `prints`, one more article of `source` holds those sentence
        fingerprints (both in one transaction: a crash never counts an article twice)."""

        def write(conn: Any) -> None:
            conn.execute(
                "INSERT INTO feed_items (url, feed_id, doc_id, content_hash, fetched_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET content_hash = excluded.content_hash,"
                " fetched_at = excluded.fetched_at",
                (url, feed_id, doc_id, content_hash, now_iso()),
            )
            conn.executemany(
                "INSERT INTO feed_sentences (source, fingerprint, documents) VALUES (?, ?, 1)"
                " ON CONFLICT(source, fingerprint) DO UPDATE SET documents = documents + 1",
                [(source, p) for p in prints],
            )

        self.store.transaction(write)

    def sentence_counts(self, source: str, prints: Iterable[str]) -> dict[str, int]:
        """In how many earlier articles of `source` each sentence fingerprint was seen (boilerplate)."""
        wanted = list(prints)
        found: dict[str, int] = {}
        for at in range(0, len(wanted), 500):
            chunk = wanted[at : at + 500]
            rows = self.store.execute(
                f"SELECT fingerprint, documents FROM feed_sentences WHERE source = ?"
                f" AND fingerprint IN ({', '.join('?' * len(chunk))})",
                (source, *chunk),
            )
            found.update((r["fingerprint"], r["documents"]) for r in rows)
        return found

    def succeeded(self, feed: Feed, seen: int, new: int, at: float) -> None:
        self.store.execute(
            "UPDATE feeds SET last_poll = ?, last_success = ?, last_error = NULL, errors_in_row = 0,"
            " items_seen = items_seen + ?, items_new = items_new + ?, next_poll = ? WHERE id = ?",
            (now_iso(), now_iso(), seen, new, at + feed.interval_s, feed.id),
        )

    def failed(self, feed: Feed, error: str, at: float, max_backoff_s: float) -> None:
        delay = min(feed.interval_s * 2 ** (feed.errors_in_row + 1), max(max_backoff_s, feed.interval_s))
        self.store.execute(
            "UPDATE feeds SET last_poll = ?, last_error = ?, errors_in_row = errors_in_row + 1, next_poll = ?"
            " WHERE id = ?",
            (now_iso(), error[:500], at + delay, feed.id),
        )
