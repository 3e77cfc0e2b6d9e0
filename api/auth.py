"""API keys and roles.

Keys are random tokens (`lt_<prefix>_<secret>`) sent as `Authorization: Bearer <token>`; only
their sha256 is stored. Roles: admin, investigator, analyst, auditor (see docs/readme/07-api.md
for what each may see and do).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from api.state import StateStore


class Role(StrEnum):
    ADMIN = "admin"
    INVESTIGATOR = "investigator"
    ANALYST = "analyst"
    AUDITOR = "auditor"


ROLES = tuple(r.value for r in Role)

# Who may run which mutation / admin query (the matrix in the README says the same).
CAN_INGEST = frozenset({Role.ADMIN, Role.INVESTIGATOR})
CAN_RESOLVE = frozenset({Role.ADMIN, Role.INVESTIGATOR})
CAN_ANALYZE = frozenset({Role.ADMIN, Role.INVESTIGATOR, Role.ANALYST})
CAN_READ_AUDIT_LOG = frozenset({Role.ADMIN})


class KeyError_(ValueError):
    """A key operation a person can fix (unknown role, duplicate name, unknown key)."""


@dataclass(frozen=True)
class Principal:
    key_name: str
    role: Role


@dataclass(frozen=True)
class KeyInfo:
    name: str
    role: str
    prefix: str
    created_at: str
    revoked_at: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def parse_role(role: str) -> Role:
    try:
        return Role(role.strip().lower())
    except ValueError:
        raise KeyError_(f"Unknown role '{role}'. Use one of: {', '.join(ROLES)}.") from None


def create_key(store: StateStore, name: str, role: str) -> str:
    """Create a key and return its token (shown once; only the hash is kept)."""
    r = parse_role(role)
    if not name.strip():
        raise KeyError_("A key needs a name (who or what uses it), e.g. --name anna-investigator.")
    if store.execute("SELECT 1 FROM api_keys WHERE name = ?", (name,)):
        raise KeyError_(f"A key named '{name}' already exists; pick another name or revoke it first.")
    prefix = secrets.token_hex(4)
    token = f"lt_{prefix}_{secrets.token_urlsafe(32)}"
    store.execute(
        "INSERT INTO api_keys (name, role, token_sha256, prefix, created_at) VALUES (?, ?, ?, ?, ?)",
        (name, r.value, _hash(token), prefix, _now()),
    )
    return token


def list_keys(store: StateStore) -> list[KeyInfo]:
    rows = store.execute("SELECT name, role, prefix, created_at, revoked_at FROM api_keys ORDER BY id")
    return [KeyInfo(r["name"], r["role"], r["prefix"], r["created_at"], r["revoked_at"]) for r in rows]


def revoke_key(store: StateStore, name: str) -> None:
    rows = store.execute("SELECT revoked_at FROM api_keys WHERE name = ?", (name,))
    if not rows:
        raise KeyError_(f"No key named '{name}'. See `lantern keys list`.")
    if rows[0]["revoked_at"] is None:
        store.execute("UPDATE api_keys SET revoked_at = ? WHERE name = ?", (_now(), name))
    store.keys_version += 1  # a KeyCache on this store forgets every key at once


def _bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _lookup(store: StateStore, token_sha256: str) -> Principal | None:
    rows = store.execute(
        "SELECT name, role FROM api_keys WHERE token_sha256 = ? AND revoked_at IS NULL", (token_sha256,)
    )
    if not rows:
        return None
    return Principal(key_name=rows[0]["name"], role=Role(rows[0]["role"]))


def authenticate(store: StateStore, authorization: str | None) -> Principal | None:
    """The principal for an `Authorization: Bearer <token>` header, or None (unknown/revoked/missing)."""
    token = _bearer(authorization)
    return None if token is None else _lookup(store, _hash(token))


KEY_CACHE_TTL_S = 5.0


class KeyCache:
    """`authenticate` for the API process, without a SQLite read per request.

    A valid key's principal is remembered for `ttl` seconds (default :data:`KEY_CACHE_TTL_S`),
    keyed by the token's sha256 (the cache never holds tokens). Unknown keys are never cached, so a
    new key works at once. A key revoked through the same store (`revoke_key`) stops working at
    once; one revoked by another process (`lantern keys revoke` while the server runs) stops
    working within `ttl` seconds.
    """

    def __init__(
        self,
        store: StateStore,
        ttl: float = KEY_CACHE_TTL_S,
        maxsize: int = 1024,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.ttl, self.maxsize, self.clock = store, ttl, maxsize, clock
        self._items: OrderedDict[str, tuple[Principal, float]] = OrderedDict()
        self._version = store.keys_version
        self._lock = threading.Lock()

    def authenticate(self, authorization: str | None) -> Principal | None:
        token = _bearer(authorization)
        if token is None:
            return None
        digest, now, version = _hash(token), self.clock(), self.store.keys_version
        with self._lock:
            if self._version != self.store.keys_version:
                self._items.clear()
                self._version = self.store.keys_version
            hit = self._items.get(digest)
            if hit is not None and hit[1] > now:
                return hit[0]
        principal = _lookup(self.store, digest)
        with self._lock:
            if principal is None or version != self.store.keys_version:
                self._items.pop(digest, None)
            else:
                self._items[digest] = (principal, now + self.ttl)
                self._items.move_to_end(digest)
                while len(self._items) > self.maxsize:
                    self._items.popitem(last=False)
        return principal
