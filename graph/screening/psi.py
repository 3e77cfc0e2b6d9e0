"""Private set intersection (openmined.psi, ECDH over P-256): the partner learns which of its identifiers
the hub holds; the hub learns how many the partner sent and nothing else about them.

Protocol (one HTTP round trip, `POST /api/screen/psi`):
1. the partner normalises its identifiers (graph/screening/identifiers.py) and encrypts them with its
   own key: the *request* (:func:`client_request`);
2. the hub re-encrypts the request's elements with its key (the *response*) and sends them back with
   its *setup*: its own set, encrypted with the same key, in random order (:class:`HubPsi`);
3. the partner removes its key from the response and compares it with the setup: the positions of its
   own identifiers the hub holds (:func:`client_intersection`).

Encrypting the hub's set is O(hub) (≈0.4 ms an identifier on this machine): :class:`HubPsi` does it once
per graph version and keeps the key and setup, so a request costs O(partner) on the hub. The setup is
RAW (the encrypted elements themselves, ≈33 bytes each) so it does not depend on the request's size.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Any

import private_set_intersection.python as psi

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
    """The hub's PSI server: key and encrypted set built once per graph version (thread-safe)."""

    def __init__(self) -> None:
        self._setup: Setup | None = None
        self._lock = threading.Lock()
        self.builds = 0

    def setup_for(self, version: tuple[Any, ...], keys: frozenset[str]) -> Setup:
        with self._lock:
            if self._setup is None or self._setup.version != version:
                server = psi.server.CreateWithNewKey(True)
                shuffled = list(keys)
                random.SystemRandom().shuffle(shuffled)  # no order of the hub's keys shows in the setup
                message = server.CreateSetupMessage(FPR, 1, shuffled, psi.DataStructure.RAW)
                self._setup = Setup(version, server, message.SerializeToString(), len(shuffled))
                self.builds += 1
            return self._setup

    @staticmethod
    def respond(setup: Setup, request: bytes) -> bytes:
        parsed = psi.Request()
        parsed.ParseFromString(request)
        return bytes(setup.server.ProcessRequest(parsed).SerializeToString())
