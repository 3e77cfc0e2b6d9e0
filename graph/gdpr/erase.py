"""Erase a data subject's identifiers on request, with a receipt.

Removed: the identifier nodes with every relationship (facts, provenance, resolution candidates — the
full-text index drops them with the node); in every document that mentions them, the mention spans and
any other occurrence of a written form of the identifier are masked (same length, so stored offsets stay
valid) and the document records when and why; evidence snippets of other relationships citing those
documents are masked the same way; derived stores passed in (the API's watches and alerts) erase theirs.
Kept: the append-only audit log (the record of who saw what) — the receipt counts its rows naming the
identifier and says why they stay.

The receipt holds no personal data beyond what the requester supplied: the identifiers as given, the
sha256 of the request, counts, times.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.db import Runner
from graph.gdpr.subject import DerivedStore, identifier_id, mask, mask_spans, subject_texts

KEPT_AUDIT = (
    "audit-log rows naming these identifiers are kept: the log is append-only and hash-chained, the "
    "controller's record of every disclosure (GDPR Art. 5(2) accountability, Art. 17(3)(b) and (e))"
)


@dataclass
class Receipt:
    receipt: str
    at: str
    request_sha256: str
    identifiers: list[str]
    reason: str
    dry_run: bool
    not_found: list[str] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)
    kept: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def request_digest(identifiers: list[str], kind: str | None, reason: str) -> str:
    body = json.dumps({"identifiers": identifiers, "kind": kind, "reason": reason}, sort_keys=True)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _redact_documents(
    db: Runner, mentions: list[dict[str, Any]], forms: list[str], reason: str, dry_run: bool
) -> tuple[int, int]:
    """Mask the identifier in the texts of the documents that mention it; (documents, occurrences)."""
    by_doc: dict[str, dict[str, Any]] = {}
    for m in mentions:
        entry = by_doc.setdefault(m["doc_id"], {"text": m["text"] or "", "spans": []})
        entry["spans"] += list(zip(m["starts"] or [], m["ends"] or [], strict=False))
    rows, occurrences = [], 0
    for doc_id, entry in sorted(by_doc.items()):
        text = mask_spans(entry["text"], entry["spans"])
        text, extra = mask(text, forms)
        occurrences += len(entry["spans"]) + extra
        rows.append({"id": doc_id, "text": text, "reason": reason})
    if rows and not dry_run:
        db.write("gdpr/set_document_texts", rows=rows)
    return len(rows), occurrences


def mask_snippets(db: Runner, doc_ids: list[str], forms: list[str], dry_run: bool) -> int:
    """Mask the forms in evidence snippets of relationships citing these documents; snippets changed."""
    rows, changed = [], 0
    for edge in db.read("gdpr/evidence_in_documents", doc_ids=doc_ids) if doc_ids else []:
        masked = [mask(s or "", forms)[0] for s in edge["snippets"] or []]
        diff = sum(a != b for a, b in zip(masked, edge["snippets"] or [], strict=False))
        if diff:
            changed += diff
            rows.append({"eid": edge["eid"], "snippets": masked})
    if rows and not dry_run:
        db.write("gdpr/set_snippets", rows=rows)
    return changed


def mask_reasons(db: Runner, forms: list[str], dry_run: bool) -> int:
    """Mask the forms in analysis reasons quoting them ("shares Phone +44... with ..."); entities changed."""
    rows = [{"id": r["id"], "reasons": [mask(x, forms)[0] for x in r["reasons"]]}
            for r in (db.read("gdpr/reasons_quoting", forms=forms) if forms else [])]  # fmt: skip
    if rows and not dry_run:
        db.write("gdpr/set_reasons", rows=rows)
    return len(rows)


def erase_identifiers(
    db: Runner,
    identifiers: list[str],
    kind: str | None,
    region: str,
    reason: str,
    derived: list[DerivedStore],
    audit_rows: int = 0,
    dry_run: bool = False,
) -> Receipt:
    """Erase these identifiers (as the requester wrote them) from the graph and the derived stores."""
    digest = request_digest(identifiers, kind, reason)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    receipt = Receipt(f"gdpr-erase-{digest[:12]}", at, digest, list(identifiers), reason, dry_run)
    ids = {value: identifier_id(value, kind, region) for value in identifiers}
    nodes = db.read("gdpr/subject_nodes", ids=sorted(set(ids.values())))
    found = {n["id"] for n in nodes}
    receipt.not_found = [v for v, i in ids.items() if i not in found]
    mentions = db.read("gdpr/subject_mentions", ids=sorted(found)) if found else []
    forms = sorted({f for n in nodes for f in subject_texts(n, mentions)}, key=lambda f: (-len(f), f))
    docs, spans = _redact_documents(db, mentions, forms, f"gdpr-erase {receipt.receipt}", dry_run)
    snippets = mask_snippets(db, sorted({m["doc_id"] for m in mentions}), forms, dry_run)
    reasons = mask_reasons(db, forms, dry_run)
    entity_ids = sorted(found | {i for i in ids.values()})
    removed = {
        "entities": len(found),
        "relationships": 0,
        "documents_redacted": docs,
        "mentions_masked": spans,
        "snippets_masked": snippets,
        "risk_reasons_masked": reasons,
    }
    if found and not dry_run:
        result = db.write("gdpr/delete_entities", ids=sorted(found))
        removed["relationships"] = int(result[0]["relationships"] or 0) if result else 0
    for store in derived:
        removed[store.name] = (
            len(store.find(entity_ids, forms)) if dry_run else store.erase(entity_ids, forms)
        )
    receipt.removed = removed
    receipt.kept = {"audit_log_rows": audit_rows, "why": KEPT_AUDIT}
    return receipt
