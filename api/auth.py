"""API keys and roles.

Keys are random tokens (`lt_<prefix>_<secret>`) sent as `Authorization: Bearer <token>`; only
their sha256 is stored. Roles: admin, investigator, analyst, auditor (see docs/readme/07-api.md
for what each may see and do).
"""

from __future__ import annotations

import hashlib
import secrets
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


def authenticate(store: StateStore, authorization: str | None) -> Principal | None:
    """The principal for an `Authorization: Bearer <token>` header, or None (unknown/revoked/missing)."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    rows = store.execute(
        "SELECT name, role FROM api_keys WHERE token_sha256 = ? AND revoked_at IS NULL",
        (_hash(token.strip()),),
    )
    if not rows:
        return None
    return Principal(key_name=rows[0]["name"], role=Role(rows[0]["role"]))
