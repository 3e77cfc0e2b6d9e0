"""API keys and roles.

Keys are random tokens (`lt_<prefix>_<secret>`) sent as `Authorization: Bearer <token>`; only
their sha256 is stored. Roles: admin, investigator, analyst, auditor (see docs/guide/api.md
for what each may see and do) and partner: a key scoped to one partner organisation, with a declared
purpose and a monthly quota of screened identifiers, that may only screen (docs/guide/screening.md).
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
    PARTNER = "partner"


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
    partner: str | None = None
    """Partner keys: the organisation the key belongs to (every screening is logged under it)."""
    purpose: str | None = None
    """Partner keys: the purpose declared when the key was issued (logged with every check)."""
    quota: int | None = None
    """Partner keys: identifiers the key may screen per calendar month (UTC)."""


@dataclass(frozen=True)
class KeyInfo:
    name: str
    role: str
    prefix: str
    created_at: str
    revoked_at: str | None
    partner: str | None = None
    purpose: str | None = None
    quota: int | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def parse_role(role: str) -> Role:
    try:
        return Role(role.strip().lower())
    except ValueError:
        raise KeyError_(f"Unknown role '{role}'. Use one of: {', '.join(ROLES)}.") from None


def _partner_fields(
    r: Role, partner: str | None, purpose: str | None, quota: int | None
) -> tuple[str | None, str | None, int | None]:
    if r is not Role.PARTNER:
        if partner or purpose or quota is not None:
            raise KeyError_("--partner, --purpose and --quota are for partner keys only (--role partner).")
        return None, None, None
    if not (partner or "").strip() or not (purpose or "").strip():
        raise KeyError_(
            "A partner key needs the partner organisation and its declared purpose, e.g. "
            "--partner 'Example Bank' --purpose 'AML onboarding checks' --quota 10000."
        )
    if quota is None or quota < 1:
        raise KeyError_(
            "A partner key needs a monthly quota of identifiers (a whole number ≥ 1), e.g. --quota 10000."
        )
    return (partner or "").strip(), (purpose or "").strip(), quota


def create_key(
    store: StateStore,
    name: str,
    role: str,
    partner: str | None = None,
    purpose: str | None = None,
    quota: int | None = None,
) -> str:
    """Create a key and return its token (shown once; only the hash is kept). Partner keys also need the
    partner organisation, the declared purpose and a monthly quota of screened identifiers."""
    r = parse_role(role)
    if not name.strip():
        raise KeyError_("A key needs a name (who or what uses it), e.g. --name anna-investigator.")
    partner, purpose, quota = _partner_fields(r, partner, purpose, quota)
    if store.execute("SELECT 1 FROM api_keys WHERE name = ?", (name,)):
        raise KeyError_(f"A key named '{name}' already exists; pick another name or revoke it first.")
    prefix = secrets.token_hex(4)
    token = f"lt_{prefix}_{secrets.token_urlsafe(32)}"
    store.execute(
        "INSERT INTO api_keys (name, role, token_sha256, prefix, created_at, partner, purpose, quota)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (name, r.value, _hash(token), prefix, _now(), partner, purpose, quota),
    )
    return token


def list_keys(store: StateStore) -> list[KeyInfo]:
    rows = store.execute(
        "SELECT name, role, prefix, created_at, revoked_at, partner, purpose, quota FROM api_keys ORDER BY id"
    )
    keys = ("name", "role", "prefix", "created_at", "revoked_at", "partner", "purpose", "quota")
    return [KeyInfo(*(r[k] for k in keys)) for r in rows]


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
        "SELECT name, role, partner, purpose, quota FROM api_keys"
        " WHERE token_sha256 = ? AND revoked_at IS NULL",
        (token_sha256,),
    )
    if not rows:
        return None
    r = rows[0]
    return Principal(r["name"], Role(r["role"]), r["partner"], r["purpose"], r["quota"])


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
