"""The audit report as plain data (serialised to JSON as is; CSV and HTML are views of it)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ontology import load_ontology

NO_MATCH = "no match"
CLEAR = "matched, no exposure found"
EXPOSED = "exposed"


@dataclass
class MatchReason:
    method: str
    """exact phone | exact email | normalised name | fuzzy name | address | country"""
    detail: str
    score: float


@dataclass
class BusinessMatch:
    business_id: str
    business_name: str
    kind: str
    score: float
    reasons: list[MatchReason] = field(default_factory=list)

    @property
    def explanation(self) -> str:
        return "; ".join(f"{r.method} ({r.score:+.2f}): {r.detail}" for r in self.reasons)


@dataclass
class PathNode:
    id: str
    name: str
    kind: str


@dataclass
class Hop:
    type: str
    source: str
    """Node id at the relationship's start."""
    target: str
    snippets: list[str]
    doc_ids: list[str]
    confidence: float | None = None


@dataclass
class ExposurePath:
    business_id: str
    nodes: list[PathNode]
    hops: list[Hop]
    reasons: list[str]
    """Why the end entity is trafficking-linked."""
    risk: float
    trafficking_types: list[str] = field(default_factory=list)
    incidents: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)

    @property
    def weak(self) -> bool:
        """True when a hop is only a same-sentence co-mention (MENTIONED_TOGETHER)."""
        return any(h.type in load_ontology().weak_link_types() for h in self.hops)

    @property
    def summary(self) -> str:
        parts = [self.nodes[0].name]
        for hop, node in zip(self.hops, self.nodes[1:], strict=False):
            parts.append(f"-[{hop.type}]- {node.name}")
        return " ".join(parts) + f"  ⇒ {'; '.join(self.reasons)}"


@dataclass
class NamedIn:
    """A document naming a matched business (context, not a reason for "exposed")."""

    business_id: str
    doc_id: str
    title: str | None
    published: str | None
    trafficking_types: list[str]
    indicators: list[str]


@dataclass
class SupplierResult:
    supplier_id: str
    row: int
    name: str
    address: str
    phone: str
    country: str
    status: str
    risk: float
    matches: list[BusinessMatch] = field(default_factory=list)
    near_misses: list[BusinessMatch] = field(default_factory=list)
    """Best candidates below the match threshold (explains a "no match")."""
    paths: list[ExposurePath] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rank: int = 0
    named_in: list[NamedIn] = field(default_factory=list)


@dataclass
class AuditReport:
    generated_at: str
    register: str
    role: str
    max_hops: int
    match_threshold: float
    results: list[SupplierResult]
    errors: list[dict[str, Any]]
    graph_businesses: int

    def counts(self) -> dict[str, int]:
        out = {NO_MATCH: 0, CLEAR: 0, EXPOSED: 0, "errors": len(self.errors)}
        for r in self.results:
            out[r.status] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["counts"] = self.counts()
        return data
