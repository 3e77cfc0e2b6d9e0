"""What the API caches or defers for speed: the key cache (TTL, revocation) and the audit writer
(background, batched, never loses a row, still append-only)."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from api.audit_log import AuditWriter, Disclosures, entries
from api.auth import KEY_CACHE_TTL_S, KeyCache, Role, create_key, revoke_key
from api.state import StateStore


@pytest.fixture()
def store(tmp_path: Path) -> StateStore:
    return StateStore.open(tmp_path)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_key_revoked_by_another_process_stops_working_within_the_ttl(
    store: StateStore, tmp_path: Path
) -> None:
    token = create_key(store, "anna", "investigator")
    clock = Clock()
    cache = KeyCache(store, ttl=KEY_CACHE_TTL_S, clock=clock)
    p = cache.authenticate(f"Bearer {token}")
    assert p is not None and p.key_name == "anna" and p.role is Role.INVESTIGATOR
    other = StateStore.open(tmp_path)  # `lantern keys revoke` runs in its own process, its own store
    revoke_key(other, "anna")
    clock.now += KEY_CACHE_TTL_S - 0.5
    assert cache.authenticate(f"Bearer {token}") is not None  # documented: cached up to the TTL
    clock.now += 0.6
    assert cache.authenticate(f"Bearer {token}") is None
    clock.now += KEY_CACHE_TTL_S * 10
    assert cache.authenticate(f"Bearer {token}") is None  # a revoked key is never cached again


def test_key_revoked_through_the_same_store_stops_working_at_once(store: StateStore) -> None:
    token = create_key(store, "anna", "analyst")
    cache = KeyCache(store, clock=Clock())
    assert cache.authenticate(f"Bearer {token}") is not None
    revoke_key(store, "anna")
    assert cache.authenticate(f"Bearer {token}") is None


def test_unknown_keys_are_not_cached_and_bad_headers_refused(store: StateStore) -> None:
    cache = KeyCache(store, clock=Clock())
    assert cache.authenticate(None) is None
    assert cache.authenticate("Basic abc") is None
    assert cache.authenticate("Bearer lt_nope") is None
    token = create_key(store, "late", "auditor")
    assert cache.authenticate(token) is None  # scheme still required
    p = cache.authenticate(f"Bearer {token}")  # a key created after a miss works at once
    assert p is not None and p.role is Role.AUDITOR
    assert token not in repr(cache._items)  # only hashes are held


def _disclosed(i: int) -> Disclosures:
    d = Disclosures()
    d.add(f"person:p{i}", "name")
    return d


def test_audit_writer_keeps_every_row_of_a_concurrent_burst_in_order(store: StateStore) -> None:
    writer = AuditWriter(store)

    def burst(t: int) -> None:
        for i in range(50):
            writer.submit(f"key-{t}", "investigator", f"op-{i}", _disclosed(i))

    threads = [threading.Thread(target=burst, args=(t,)) for t in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    writer.submit("k", "admin", "nothing", Disclosures())  # nothing revealed: no row
    writer.flush()
    rows = entries(store, limit=1000)
    assert len(rows) == 200
    for t in range(4):  # per submitter, rows keep their submission order
        ops = [r.operation for r in reversed(rows) if r.key_name == f"key-{t}"]
        assert ops == [f"op-{i}" for i in range(50)]
    writer.close()


def test_audit_rows_survive_shutdown_and_stay_append_only(store: StateStore, tmp_path: Path) -> None:
    writer = AuditWriter(store, interval_s=60.0)  # the thread would not write on its own for a minute
    for i in range(10):
        writer.submit("anna", "investigator", "q", _disclosed(i))
    writer.close()  # app shutdown
    writer.submit("anna", "investigator", "late", _disclosed(99))  # after close: written at once
    fresh = StateStore.open(tmp_path)
    rows = entries(fresh, limit=100)
    assert len(rows) == 11 and rows[0].operation == "late"
    assert rows[-1].entity_ids == ["person:p0"] and rows[-1].fields == ["name"]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        fresh.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        fresh.execute("UPDATE audit_log SET key_name = 'x'")


def test_audit_rows_are_timestamped_when_submitted_not_when_written(store: StateStore) -> None:
    writer = AuditWriter(store, interval_s=60.0)
    d = _disclosed(1)
    before = datetime.now(UTC)
    writer.submit("anna", "investigator", "q", d)
    after = datetime.now(UTC)
    d.add("person:later", "name")  # the request's object changing afterwards does not change the row
    d.add("person:p1", "value")
    time.sleep(0.3)
    writer.flush()  # the row is built and written now
    (row,) = entries(store)
    at = datetime.fromisoformat(row.at)
    assert before - timedelta(milliseconds=1) <= at <= after + timedelta(milliseconds=1)
    assert row.entity_ids == ["person:p1"] and row.fields == ["name"]
    writer.close()
