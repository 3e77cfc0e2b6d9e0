"""What a run produced: the summary `lantern analyze` prints and `run_analysis` returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Hub:
    id: str
    name: str
    kind: str
    docs: int
    degree: int
    reason: str

    def label(self) -> str:
        return f"{self.name} ({self.kind}): {self.reason}"


@dataclass
class NetworkInfo:
    network_id: int
    size: int
    kinds: dict[str, int]
    communities: int
    members: list[str]
    """Up to 8 person / organisation names, highest PageRank first."""
    bridges: list[str]
    """Entities with the highest betweenness in this network: what holds it together."""


@dataclass
class AnalysisSummary:
    run_id: str
    steps: list[str]
    node_count: int = 0
    relationship_count: int = 0
    network_count: int = 0
    linked_network_count: int = 0
    """Networks with at least two entities."""
    community_count: int = 0
    communities_kept: int = 0
    """Communities that kept the id they had in the previous run (`graph.analytics.community_ids`)."""
    excluded_hubs: list[Hub] = field(default_factory=list)
    networks: list[NetworkInfo] = field(default_factory=list)
    """The largest networks (up to 10)."""
    key_players: list[dict[str, Any]] = field(default_factory=list)
    similarity_candidates: int = 0
    risk_scored: int = 0
    money_flagged: int = 0
    """Payment accounts with a money red flag, detected again by the risk step (graph/money/flags.py)."""
    top_risk: list[dict[str, Any]] = field(default_factory=list)
    hotspots: list[dict[str, Any]] = field(default_factory=list)
    routes: list[dict[str, Any]] = field(default_factory=list)
    memory: dict[str, str] = field(default_factory=dict)
    step_ms: dict[str, int] = field(default_factory=dict)
    duration_ms: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
