"""The audit log: who saw which personal data in clear, when, through which operation.

Resolvers call :meth:`Disclosures.add` whenever they hand out an unmasked personal value (the
presenters in `api.graphql.present` do it, next to the masking); the GraphQL extension
`AuditExtension` writes one append-only row per operation that revealed something. Admins read the
log through the `auditLog` query and `lantern audit-log list|export`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from api.state import StateStore


@dataclass
class Disclosures:
    """Personal data revealed in clear while answering one request: entity id → field names."""

    items: dict[str, set[str]] = field(default_factory=dict)

    def add(self, entity_id: str, *fields: str) -> None:
        self.items.setdefault(entity_id, set()).update(fields)

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    key_name: str
    role: str
    operation: str
    entity_ids: list[str]
    fields: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "key_name": self.key_name,
            "role": self.role,
            "operation": self.operation,
            "entity_ids": self.entity_ids,
            "fields": self.fields,
        }


def record(store: StateStore, key_name: str, role: str, operation: str, disclosures: Disclosures) -> None:
    """Append one row (no-op when nothing personal was revealed)."""
    if not disclosures:
        return
    ids = sorted(disclosures.items)
    fields = sorted({f for fs in disclosures.items.values() for f in fs})
    store.execute(
        "INSERT INTO audit_log (at, key_name, role, operation, entity_ids, fields) VALUES (?, ?, ?, ?, ?, ?)",
        (
            datetime.now(UTC).isoformat(timespec="milliseconds"),
            key_name,
            role,
            operation,
            json.dumps(ids),
            json.dumps(fields),
        ),
    )


def entries(
    store: StateStore,
    key_name: str | None = None,
    since: str | None = None,
    entity_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[AuditEntry]:
    """Newest first; filters are exact key name, ISO time lower bound and an entity id."""
    sql = "SELECT * FROM audit_log WHERE 1=1"
    params: list[object] = []
    if key_name:
        sql += " AND key_name = ?"
        params.append(key_name)
    if since:
        sql += " AND at >= ?"
        params.append(since)
    if entity_id:
        sql += " AND EXISTS (SELECT 1 FROM json_each(audit_log.entity_ids) WHERE value = ?)"
        params.append(entity_id)
    sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [
        AuditEntry(
            r["id"],
            r["at"],
            r["key_name"],
            r["role"],
            r["operation"],
            json.loads(r["entity_ids"]),
            json.loads(r["fields"]),
        )
        for r in store.execute(sql, tuple(params))
    ]
