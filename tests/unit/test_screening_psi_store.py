"""The hub's PSI key and encrypted set across restarts: a restart encrypts only what changed, the file is
0600 and holds no identifier in clear, a damaged file is set aside for a new key, deleting it rotates the
key."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from graph.screening.psi import HubPsi, client_intersection, client_request
from graph.screening.psi_store import (
    FILE_NAME,
    CorruptStore,
    PsiStore,
    Stored,
    decode,
    encode,
    label,
    label_key,
)

HUB = frozenset({"phone:+447700900123", "email:viktor.petrov@example.com", "account:GB33BUKB20201555555555"})
PARTNER = ["email:nobody@example.com", "phone:+447700900123", "account:GB33BUKB20201555555555"]


def _held(hub: HubPsi, version: tuple[str, ...], keys: frozenset[str], partner: list[str]) -> list[int]:
    setup = hub.setup_for(version, keys)
    client, request = client_request(partner)
    return client_intersection(client, setup.setup, hub.respond(setup, request))


def test_a_restart_reuses_the_stored_elements_and_encrypts_only_what_changed(tmp_path: Path) -> None:
    store = PsiStore.in_dir(tmp_path)
    first = HubPsi(store=store)
    assert _held(first, ("v1",), HUB, PARTNER) == [1, 2]
    assert first.encryptions == 3 and first.reused == 0
    path = tmp_path / FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = path.read_bytes()
    for identifier in HUB:  # labels and elements only: no identifier in clear
        assert identifier.encode() not in data and identifier.split(":", 1)[1].encode() not in data

    restarted = HubPsi(store=PsiStore.in_dir(tmp_path))  # a new process: the same key from the file
    changed = (HUB - {"email:viktor.petrov@example.com"}) | {"email:nobody@example.com"}
    assert _held(restarted, ("v2",), changed, PARTNER) == [0, 1, 2]
    assert restarted.reused == 2 and restarted.encryptions == 1  # only the identifier added while down
    again = HubPsi(store=PsiStore.in_dir(tmp_path))  # same key: the same setup, nothing encrypted
    assert again.setup_for(("v2",), changed).setup == restarted.setup_for(("v2",), changed).setup
    assert again.encryptions == 0 and again.reused == 3
    stored = decode(path.read_bytes())  # the identifier that left the graph left the file too
    gone = label(label_key(stored.key), "email:viktor.petrov@example.com")
    assert len(stored.elements) == 3 and gone not in stored.elements


def test_without_a_store_each_process_has_its_own_key(tmp_path: Path) -> None:
    a, b = HubPsi(), HubPsi()
    assert a.setup_for(("v",), HUB).setup != b.setup_for(("v",), HUB).setup
    assert list(tmp_path.iterdir()) == []


def test_deleting_the_file_rotates_the_key(tmp_path: Path) -> None:
    first = HubPsi(store=PsiStore.in_dir(tmp_path))
    old = first.setup_for(("v",), HUB).setup
    assert PsiStore.in_dir(tmp_path).delete() and not PsiStore.in_dir(tmp_path).delete()
    rotated = HubPsi(store=PsiStore.in_dir(tmp_path))
    assert rotated.setup_for(("v",), HUB).setup != old and rotated.encryptions == 3
    assert _held(rotated, ("v",), HUB, PARTNER) == [1, 2]


def test_a_damaged_file_is_set_aside_and_a_new_key_made(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    HubPsi(store=PsiStore.in_dir(tmp_path)).setup_for(("v",), HUB)
    path = tmp_path / FILE_NAME
    path.write_bytes(path.read_bytes()[:-5])  # truncated
    hub = HubPsi(store=PsiStore.in_dir(tmp_path))
    assert "could not be read (checksum mismatch" in caplog.text and "moved to" in caplog.text
    assert (tmp_path / (FILE_NAME + ".corrupt")).exists()
    assert _held(hub, ("v",), HUB, PARTNER) == [1, 2] and hub.encryptions == 3 and hub.reused == 0


def test_a_file_readable_by_others_is_tightened(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    HubPsi(store=PsiStore.in_dir(tmp_path)).setup_for(("v",), HUB)
    path = tmp_path / FILE_NAME
    path.chmod(0o644)
    assert PsiStore(path).load() is not None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and "readable by others" in caplog.text


def test_encoding_round_trips_and_refuses_other_files() -> None:
    stored = Stored(b"k" * 32, {bytes([i]) * 16: bytes([i]) * 33 for i in range(5)})
    assert decode(encode(stored)) == stored
    with pytest.raises(CorruptStore, match="wrong header"):
        decode(b"SQLite format 3\x00" + b"\x00" * 80)
    with pytest.raises(ValueError, match="16-byte label"):
        encode(Stored(b"k" * 32, {b"short": b"x"}))


def test_status_says_whether_the_setup_is_built() -> None:
    hub = HubPsi()
    assert hub.status()["setup"] == "not built" and hub.status()["identifiers"] is None
    hub.setup_for(("v",), HUB)
    assert hub.status() == {
        "setup": "ready", "identifiers": 3, "persisted": False, "reused": 0, "encrypted": 3,
    }  # fmt: skip


def test_the_setup_is_built_at_start_when_a_partner_key_exists(tmp_path: Path) -> None:
    from api.auth import create_key, revoke_key
    from api.screening import _warm_at_start
    from api.state import StateStore

    store = StateStore.open(tmp_path)
    create_key(store, "analyst", "analyst")
    assert not _warm_at_start(None, store)  # no partner: nothing to prepare
    assert _warm_at_start(True, store)  # LANTERN_SCREEN_PSI_WARM=1 forces it
    create_key(store, "bank", "partner", "Example Bank", "AML", 100)
    assert _warm_at_start(None, store) and not _warm_at_start(False, store)
    revoke_key(store, "bank")
    assert not _warm_at_start(None, store)


def test_gdpr_access_and_erasure_reach_the_psi_store(tmp_path: Path) -> None:
    from api.gdpr_stores import PsiElements, derived_stores
    from api.state import StateStore

    state = StateStore.open(tmp_path)
    HubPsi(store=PsiStore.in_dir(tmp_path)).setup_for(("v",), HUB)
    stores = {s.name: s for s in derived_stores(state)}
    psi_store = stores["psi store"]
    assert isinstance(psi_store, PsiElements)
    subject = ["phone:+447700900123", "person:someone else"]
    (found,) = psi_store.find(subject, [])
    assert found["entity_id"] == "phone:+447700900123" and "no clear value" in found["held"]
    assert psi_store.erase(subject, []) == 1 and psi_store.find(subject, []) == []
    restarted = HubPsi(store=PsiStore.in_dir(tmp_path))
    restarted.setup_for(("v",), HUB)  # the graph still holds it: encrypted again, the rest reused
    assert restarted.encryptions == 1 and restarted.reused == 2
    assert PsiElements(StateStore.open(tmp_path / "empty")).find(subject, []) == []  # no file: nothing held


def test_a_stored_key_the_library_refuses_is_replaced(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = PsiStore.in_dir(tmp_path)
    store.save(Stored(b"\xff" * 32, {}))  # above the curve's order: openmined.psi refuses it
    hub = HubPsi(store=store)
    assert "stored PSI key is not usable" in caplog.text
    assert _held(hub, ("v",), HUB, PARTNER) == [1, 2] and hub.encryptions == 3
    assert decode((tmp_path / FILE_NAME).read_bytes()).key != b"\xff" * 32
