"""Private set intersection (openmined.psi, ECDH over P-256): the partner learns which of its identifiers
the hub holds; the hub learns how many the partner sent and nothing else about them.

Protocol (one HTTP round trip, `POST /api/screen/psi`):
1. the partner normalises its identifiers (graph/screening/identifiers.py) and encrypts them with its
   own key: the *request* (:func:`client_request`);
2. the hub re-encrypts the request's elements with its key (the *response*) and sends them back with
   its *setup*: its own set, encrypted with the same key, in random order (:class:`HubPsi`);
3. the partner removes its key from the response and compares it with the setup: the positions of its
   own identifiers the hub holds (:func:`client_intersection`).

Encrypting the hub's set is O(hub) (≈0.4 ms an identifier on this machine): :class:`HubPsi` does it once,
keeps the key and each identifier's encrypted element, and after a graph change encrypts only what was
added — so a request costs O(partner) on the hub and a change O(change). With a :class:`PsiStore` the key
and the encrypted elements survive a restart (graph/screening/psi_store.py), so a restart costs O(what
changed while the API was down), not O(hub). It may answer from the previous setup for a bounded time while
the new one is built. The setup's elements are sorted (as the library sorts its own), so nothing of the
hub's order shows. The setup is RAW (the encrypted elements themselves, ≈33 bytes each) so it does not
depend on the request's size.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

import private_set_intersection.python as psi

from graph.screening.psi_store import PsiStore, Stored, label, label_key

log = logging.getLogger("lantern.screening.psi")

FPR = 1e-9  # used by the library for GCS/Bloom setups only; RAW has no false positives


def client_request(keys: list[str]) -> tuple[Any, bytes]:
    """(the client, the serialised request) for the partner's normalised keys."""
    client = psi.client.CreateWithNewKey(True)
    return client, client.CreateRequest(keys).SerializeToString()


def client_intersection(client: Any, setup: bytes, response: bytes) -> list[int]:
    """Positions (in the partner's key list) of the keys the hub holds."""
    server_setup = psi.ServerSetup()
    server_setup.ParseFromString(setup)
    reply = psi.Response()
    reply.ParseFromString(response)
    return sorted(client.GetIntersection(server_setup, reply))


def request_size(request: bytes) -> int:
    """How many identifiers a serialised request carries (what the quota counts); ValueError if unreadable."""
    parsed = psi.Request()
    try:
        parsed.ParseFromString(request)
    except Exception as exc:  # protobuf's DecodeError
        raise ValueError("the body is not a PSI request (openmined.psi Request, serialised)") from exc
    if not parsed.reveal_intersection:
        raise ValueError("the PSI request must be made with reveal_intersection=True")
    return len(parsed.encrypted_elements)


@dataclass(frozen=True)
class Setup:
    version: tuple[Any, ...]
    server: Any
    setup: bytes
    size: int


class HubPsi:
    """The hub's PSI server: key and encrypted set built once per graph version (thread-safe).

    After the graph changes, a request is answered with the previous version's setup while the new one is
    built in a background thread — for at most `max_stale_s` seconds after the change was first seen;
    past that a request waits for the build. Only the very first request (no setup yet) always waits.
    `max_stale_s=0` always waits for the current version.

    `store`: where the key and the encrypted elements are kept across restarts (None: a new key per
    process, nothing on disk). Loading it reads no identifier: the first build finds each current
    identifier's element by its label and encrypts only the identifiers the file does not have.
    """

    def __init__(self, max_stale_s: float = 0.0, store: PsiStore | None = None) -> None:
        self.max_stale_s = max_stale_s
        self.store = store
        loaded = store.load() if store is not None else None
        self._server: Any = None
        if loaded is not None:
            try:
                self._server = psi.server.CreateFromKey(loaded.key, True)
            except Exception as exc:  # the library's own error for a key it cannot use
                log.warning("the stored PSI key is not usable (%s): a new key is made", exc)
                loaded = None
        if self._server is None:
            self._server = psi.server.CreateWithNewKey(True)
        self._key = bytes(self._server.GetPrivateKeyBytes())
        self._mac = label_key(self._key)
        self._persisted: dict[bytes, bytes] = loaded.elements if loaded is not None else {}
        """label → element from the store, until the first build has taken what it still needs."""
        self._encrypted: dict[str, bytes] = {}
        """Hub key → its encrypted element (deterministic under the key), so a new graph version only
        encrypts the identifiers it added (and drops those it lost): O(change), not O(hub)."""
        self._labels: dict[str, bytes] = {}
        """Hub key → its label in the store (computed once per identifier)."""
        self.reused = 0
        """Elements taken from the store instead of encrypted (the first build after a restart)."""
        self._setup: Setup | None = None
        self._lock = threading.Lock()  # guards the fields below
        self._build_lock = threading.Lock()  # one build at a time
        self._building: tuple[Any, ...] | None = None
        self._stale_since: float | None = None
        self.builds = 0
        self.encryptions = 0

    def _encrypt(self, key: str) -> bytes:
        message = self._server.CreateSetupMessage(FPR, 1, [key], psi.DataStructure.RAW)
        return bytes(message.raw.encrypted_elements[0])

    def _label(self, key: str) -> bytes:
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = label(self._mac, key)
        return found

    def _from_store(self, added: AbstractSet[str]) -> int:
        """Take the stored elements of `added` identifiers (once, after a restart); returns how many."""
        if not self._persisted:
            return 0
        stored, self._persisted = self._persisted, {}
        taken = 0
        for key in added:
            element = stored.get(self._label(key))
            if element is not None:
                self._encrypted[key] = element
                taken += 1
        return taken

    def _save(self) -> None:
        if self.store is None:
            return
        elements = {self._label(k): e for k, e in self._encrypted.items()}
        try:
            self.store.save(Stored(self._key, elements))
        except OSError as exc:  # the setup is built; only the next restart pays for it
            log.warning(
                "could not save the PSI store %s (%s): the next start encrypts again", self.store.path, exc
            )

    def _build(self, version: tuple[Any, ...], keys: frozenset[str]) -> Setup:
        with self._build_lock:
            current = self._setup
            if current is not None and current.version == version:
                return current
            cache = self._encrypted
            gone = cache.keys() - keys
            for key in gone:
                del cache[key]
                self._labels.pop(key, None)
            reused = self._from_store(keys - cache.keys())
            added = keys - cache.keys()
            for key in added:  # one call per key costs what one call for all does (measured)
                cache[key] = self._encrypt(key)
            if added or gone or reused:
                self._save()
            message = psi.ServerSetup()
            message.raw.encrypted_elements.extend(sorted(cache.values()))  # sorted, as the library's own
            built = Setup(version, self._server, message.SerializeToString(), len(cache))
            with self._lock:
                self._setup, self._stale_since = built, None
                self.builds, self.encryptions = self.builds + 1, self.encryptions + len(added)
                self.reused += reused
                if self._building == version:
                    self._building = None
            return built

    def setup_for(self, version: tuple[Any, ...], keys: frozenset[str]) -> Setup:
        with self._lock:
            current = self._setup
            if current is not None and current.version == version:
                return current
            now = time.monotonic()
            if current is not None and self._stale_since is None:
                self._stale_since = now
            serve_stale = current is not None and now - (self._stale_since or now) < self.max_stale_s
            start = serve_stale and self._building != version
            if start:
                self._building = version
        if serve_stale and current is not None:
            if start:
                threading.Thread(target=self._build, args=(version, keys), daemon=True).start()
            return current
        return self._build(version, keys)

    def status(self) -> dict[str, Any]:
        """For /readyz: whether a setup is ready, being built, or not built (the first request builds it)."""
        with self._lock:
            setup, building = self._setup, self._building is not None
        building = building or self._build_lock.locked()
        state = "building" if building else ("ready" if setup is not None else "not built")
        return {
            "setup": state, "identifiers": setup.size if setup is not None else None,
            "persisted": self.store is not None, "reused": self.reused, "encrypted": self.encryptions,
        }  # fmt: skip

    @staticmethod
    def respond(setup: Setup, request: bytes) -> bytes:
        parsed = psi.Request()
        parsed.ParseFromString(request)
        return bytes(setup.server.ProcessRequest(parsed).SerializeToString())
