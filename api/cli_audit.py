"""Audit rows for operator actions run from the command line (exports, imports, GDPR operations).

The CLI has no API key: the row names the operating-system user as `cli:<user>` with role `operator`,
and says what was done in `details` (counts, files, digests — never the personal data itself unless the
operator typed it, e.g. the identifier an erasure request names)."""

from __future__ import annotations

import getpass
from typing import Any

from api.audit_log import Disclosures, append, audit_row
from api.config import get_settings
from api.state import StateStore

ROLE = "operator"


def operator_name() -> str:
    return f"cli:{getpass.getuser()}"


def audit_operation(operation: str, entity_ids: list[str], **details: Any) -> None:
    """Append one row to the API's append-only audit log for an operator action."""
    disclosures = Disclosures({eid: {operation} for eid in entity_ids})
    disclosures.note(**details)
    store = StateStore.open(get_settings().state_path)
    append(store, [audit_row(operator_name(), ROLE, operation, disclosures)])
