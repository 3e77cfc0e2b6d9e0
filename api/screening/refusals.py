"""Refused screening checks in the audit log: a partner key over its quota (429) or outside its scope (403),
and a key of another role calling `screen`. One row per refusal, operation `screen refused`, holding the
partner, the purpose, the status, why, and counts only — never an input, a path or a field name the caller
wrote (those could carry identifiers)."""

from __future__ import annotations

from typing import Any

from api.audit_log import Disclosures
from api.auth import Principal

OPERATION = "screen refused"


def audit_refusal(audit: Any, principal: Principal, status: int, reason: str, **counts: int) -> None:
    """Queue the row on the API's audit writer (`AppState.audit`)."""
    d = Disclosures()
    d.note(partner=principal.partner, purpose=principal.purpose, status=status, refused=reason, **counts)
    audit.submit(principal.key_name, principal.role.value, OPERATION, d)
