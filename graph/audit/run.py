"""Run the audit: read candidates once, match every supplier, find exposure, rank by risk."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from graph.audit.exposure import find_exposure
from graph.audit.masking import Masker
from graph.audit.matching import DEFAULT_THRESHOLD, Candidate, match_supplier
from graph.audit.model import CLEAR, EXPOSED, NO_MATCH, AuditReport, NamedIn, SupplierResult
from graph.audit.suppliers import RowError, Supplier
from graph.db import Runner
from graph.privacy import CATEGORY_CLASS


def audit_suppliers(
    db: Runner,
    suppliers: list[Supplier],
    errors: list[RowError] | None = None,
    *,
    max_hops: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    role: str = "auditor",
    register: str = "",
    risk_threshold: float | None = None,
    progress: Callable[[Supplier], None] | None = None,
) -> AuditReport:
    """Audit every supplier; results ranked by risk (exposed first), then by name."""
    masker = Masker(role)
    candidates = [Candidate.from_row(r) for r in db.read("supplier_audit/business_candidates")]
    results: list[SupplierResult] = []
    for s in suppliers:
        matches, near = match_supplier(s, candidates, threshold, show=masker.value)
        paths = []
        for m in matches:
            for p in find_exposure(db, m.business_id, max_hops, masker, risk_threshold):
                p.risk = round(p.risk * m.score, 3)
                paths.append(p)
        paths.sort(key=lambda p: (-p.risk, len(p.hops)))
        named_in = [
            NamedIn(m.business_id, d["doc_id"], d.get("title"), d.get("published"),
                    list(d.get("trafficking_types") or []), list(d.get("indicators") or []))
            for m in matches
            for d in db.read("supplier_audit/business_documents", business_id=m.business_id, limit=10)
        ]  # fmt: skip
        status = NO_MATCH if not matches else (EXPOSED if paths else CLEAR)
        results.append(
            SupplierResult(
                supplier_id=s.supplier_id,
                row=s.row,
                name=s.name,
                address=s.address,
                phone=masker.value(CATEGORY_CLASS["phone"], s.phone),
                country=s.country,
                status=status,
                risk=paths[0].risk if paths else 0.0,
                matches=matches,
                near_misses=near,
                paths=paths,
                notes=list(s.notes),
                named_in=named_in,
            )
        )
        if progress:
            progress(s)
    order = {EXPOSED: 0, CLEAR: 1, NO_MATCH: 2}
    results.sort(key=lambda r: (order[r.status], -r.risk, r.name.lower()))
    for i, r in enumerate(results, 1):
        r.rank = i
    return AuditReport(
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        register=register,
        role=role,
        max_hops=max_hops,
        match_threshold=threshold,
        results=results,
        errors=[{"row": e.row, "supplier_id": e.supplier_id, "reason": e.reason} for e in errors or []],
        graph_businesses=len(candidates),
    )
