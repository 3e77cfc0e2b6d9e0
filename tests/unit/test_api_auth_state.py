"""API keys (hashed, revocable) and the append-only audit log in the SQLite state store."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from api.audit_log import Disclosures, entries, record
from api.auth import KeyError_, Role, authenticate, create_key, list_keys, revoke_key
from api.state import StateStore


@pytest.fixture()
def store(tmp_path: Path) -> StateStore:
    return StateStore.open(tmp_path)


def test_keys_are_stored_hashed_and_authenticate(store: StateStore) -> None:
    token = create_key(store, "anna", "Investigator")
    rows = store.execute("SELECT * FROM api_keys")
    assert rows[0]["token_sha256"] == hashlib.sha256(token.encode()).hexdigest()
    assert token not in [str(v) for v in tuple(rows[0])]
    p = authenticate(store, f"Bearer {token}")
    assert p is not None and p.key_name == "anna" and p.role is Role.INVESTIGATOR
    assert authenticate(store, None) is None
    assert authenticate(store, token) is None  # scheme required
    assert authenticate(store, "Bearer wrong") is None
    revoke_key(store, "anna")
    assert authenticate(store, f"Bearer {token}") is None
    assert list_keys(store)[0].revoked_at is not None


def test_key_errors_say_what_to_do(store: StateStore) -> None:
    with pytest.raises(KeyError_, match="admin, investigator, analyst, auditor"):
        create_key(store, "x", "superuser")
    create_key(store, "x", "auditor")
    with pytest.raises(KeyError_, match="already exists"):
        create_key(store, "x", "auditor")
    with pytest.raises(KeyError_, match="lantern keys list"):
        revoke_key(store, "nobody")


def test_audit_log_is_append_only_and_filterable(store: StateStore) -> None:
    d = Disclosures()
    record(store, "k", "investigator", "search", d)  # nothing revealed → no row
    assert entries(store) == []
    d.add("person:a", "name")
    d.add("phone:+447700900001", "value", "name")
    record(store, "k", "investigator", "Q:entity", d)
    record(store, "other", "admin", "Q:paths", Disclosures({"person:b": {"snippet"}}))
    rows = entries(store)
    assert [r.key_name for r in rows] == ["other", "k"]
    assert rows[1].entity_ids == ["person:a", "phone:+447700900001"] and rows[1].fields == ["name", "value"]
    assert [r.key_name for r in entries(store, entity_id="person:a")] == ["k"]
    assert [r.key_name for r in entries(store, key_name="other")] == ["other"]
    for sql in ("DELETE FROM audit_log", "UPDATE audit_log SET role = 'admin'"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.execute(sql)
    assert len(entries(store)) == 2


def test_secret_is_stable_across_reopen(tmp_path: Path) -> None:
    a = StateStore.open(tmp_path).secret
    assert StateStore.open(tmp_path).secret == a and len(a) == 64
