"""Exposure paths from a matched business to trafficking-linked entities, and their risk.

Risk of a path = weight of the strongest reason at its end × 0.75^(hops − 1) (a business that is itself
flagged: hops 0 → full weight) × 0.5 per weak hop. Weights: front business 1.0, recruited/transported/
controlled people 1.0, exploitation site 0.9, trafficking role 0.8, money red flag on a payment account
(graph/money/flags.py; the reason names the transfers) 0.8, risk score 0.6. Supplier risk = match
score × best path risk.

Typed relationships are searched first. Entities reachable only through a same-sentence co-mention
(MENTIONED_TOGETHER, "weak") are added from a second search, marked weak and down-weighted.
"""

from __future__ import annotations

from typing import Any

from graph.audit.masking import Masker
from graph.audit.model import ExposurePath, Hop, PathNode
from graph.db import Runner
from ontology import load_ontology

REASON_WEIGHTS = (
    ("front business", 1.0),
    ("recruited, transported or controlled people", 1.0),
    ("exploitation site", 0.9),
    ("trafficking role", 0.8),
    ("money red flag", 0.8),
    ("risk score", 0.6),
)
HOP_DECAY = 0.75
WEAK_HOP_FACTOR = 0.5
WEAK_TYPES = load_ontology().weak_link_types()  # co-mentions: a path through one is weak


def reason_weight(reasons: list[str]) -> float:
    best = 0.0
    for reason in reasons:
        for prefix, weight in REASON_WEIGHTS:
            if reason.startswith(prefix):
                best = max(best, weight)
    return best


def path_risk(reasons: list[str], hops: int, weak_hops: int = 0) -> float:
    return round(reason_weight(reasons) * HOP_DECAY ** max(0, hops - 1) * WEAK_HOP_FACTOR**weak_hops, 3)


def path_from_row(business_id: str, row: dict[str, Any], masker: Masker) -> ExposurePath:
    """One `supplier_audit/exposure_paths` row as an ExposurePath, with personal data masked."""
    nodes = []
    for n in row["nodes"]:
        kind = n.get("kind") or ""
        node_id, caption = masker.node(n.get("id") or "", kind, n.get("name") or n.get("id") or "")
        nodes.append(PathNode(node_id, caption, kind))
    for r in row["rels"]:
        for person in r.get("people") or []:
            masker.known_person(
                person.get("id") or "", person.get("name") or "", list(person.get("texts") or [])
            )
    hops = [
        Hop(
            type=r["type"],
            source=masker.node_id(r["from"]),
            target=masker.node_id(r["to"]),
            snippets=[masker.snippet(s) for s in r.get("snippets") or [] if s],
            doc_ids=list(r.get("doc_ids") or []),
            confidence=r.get("confidence"),
        )
        for r in row["rels"]
    ]
    reasons = [masker.snippet(r) or "" for r in row.get("reasons") or []]  # money reasons name accounts
    return ExposurePath(
        business_id=business_id,
        nodes=nodes,
        hops=hops,
        reasons=reasons,
        risk=path_risk(reasons, int(row["hops"]), sum(1 for r in row["rels"] if r["type"] in WEAK_TYPES)),
        trafficking_types=list(row.get("trafficking_types") or []),
        incidents=list(row.get("incidents") or []),
        doc_ids=list(row.get("doc_ids") or []),
    )


def find_exposure(
    db: Runner,
    business_id: str,
    max_hops: int,
    masker: Masker,
    risk_threshold: float | None = None,
    limit: int = 25,
) -> list[ExposurePath]:
    """Typed paths first; then entities only reachable through a co-mention, as weak paths."""
    params = {
        "business_id": business_id,
        "max_hops": max_hops,
        "risk_threshold": risk_threshold,
        "limit": limit,
    }
    strong = db.read("supplier_audit/exposure_paths", include_weak=False, **params)
    reached = {row["nodes"][-1]["id"] for row in strong}
    weak = [
        row
        for row in db.read("supplier_audit/exposure_paths", include_weak=True, **params)
        if row["nodes"][-1]["id"] not in reached and any(r["type"] in WEAK_TYPES for r in row["rels"])
    ]
    paths = [path_from_row(business_id, row, masker) for row in [*strong, *weak]]
    paths.sort(key=lambda p: (-p.risk, len(p.hops)))
    return paths
