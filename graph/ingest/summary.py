"""What an ingest or delete run did, for the CLI summary, the API and the benchmark."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from graph.db import GraphConnectionLostError


@dataclass
class Failure:
    id: str
    reason: str


@dataclass
class IngestSummary:
    written: int = 0
    """New documents written."""
    replaced: int = 0
    """Changed documents whose old mentions/evidence were replaced."""
    skipped: int = 0
    """Unchanged documents (same content hash): nothing written."""
    deleted: int = 0
    """Documents removed (`--delete`)."""
    failed: list[Failure] = field(default_factory=list)
    nodes: int = 0
    """Entity and document nodes written (merged) — the same node in two batches counts twice."""
    edges: int = 0
    """Relationships written (provenance, facts, classification, roles)."""
    rows: int = 0
    """Parameter rows sent to UNWIND queries (the benchmark's unit)."""
    candidates: int = 0
    """POSSIBLY_SAME_AS candidates recorded."""
    entities_deleted: int = 0
    """Entities removed because no document mentions them any more."""
    batches: int = 0
    """Write transactions committed."""
    resolved_ahead: int = 0
    """Batches resolved and built while the previous batch committed (`graph.ingest.writer.Lookahead`)."""
    rejected: dict[str, int] = field(default_factory=dict)
    """Mentions the guard at the graph's door dropped as not entities, per reason (`graph.ingest.guard`)."""
    contact_links: int = 0
    """Relations dropped because they link a contact phone/e-mail (press line, hotline)."""
    official_merges: int = 0
    """Nodes of earlier batches merged into an office's official (name forms; `graph.ingest.writer`)."""
    warnings: list[Failure] = field(default_factory=list)
    """Documents ingested despite extraction errors (id and the extractor's reason)."""
    elapsed_s: float = 0.0
    region_hint: str | None = None
    """`extraction.region_hint`: documents whose numbers or places point to another country than the
    default region, and the flag to re-run with (None: none looked foreign, or nothing was extracted)."""

    @property
    def seen(self) -> int:
        return self.written + self.replaced + self.skipped + len(self.failed)

    def fail(self, doc_id: str, reason: str) -> None:
        self.failed.append(Failure(doc_id, reason))

    def add(self, other: IngestSummary) -> None:
        for name in (
            "written",
            "replaced",
            "skipped",
            "deleted",
            "nodes",
            "edges",
            "rows",
            "candidates",
            "entities_deleted",
            "batches",
            "resolved_ahead",
            "contact_links",
            "official_merges",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.reject(other.rejected)
        self.region_hint = other.region_hint or self.region_hint
        self.failed.extend(other.failed)
        self.warnings.extend(other.warnings)

    def reject(self, reasons: Mapping[str, int]) -> None:
        for reason, n in reasons.items():
            self.rejected[reason] = self.rejected.get(reason, 0) + n

    def as_dict(self) -> dict[str, object]:
        return {
            "written": self.written,
            "replaced": self.replaced,
            "skipped": self.skipped,
            "deleted": self.deleted,
            "failed": [{"id": f.id, "reason": f.reason} for f in self.failed],
            "nodes": self.nodes,
            "edges": self.edges,
            "rows": self.rows,
            "candidates": self.candidates,
            "entities_deleted": self.entities_deleted,
            "batches": self.batches,
            "resolved_ahead": self.resolved_ahead,
            "rejected": dict(sorted(self.rejected.items())),
            "contact_links": self.contact_links,
            "region_hint": self.region_hint,
            "official_merges": self.official_merges,
            "elapsed_s": round(self.elapsed_s, 3),
        }


class IngestInterruptedError(GraphConnectionLostError):
    """Neo4j went away during an ingest run: `summary` holds what was committed before (every batch is one
    transaction, so the graph holds exactly those documents and nothing of the batch in flight)."""

    def __init__(self, cause: GraphConnectionLostError, summary: IngestSummary) -> None:
        super().__init__(str(cause))
        self.summary = summary
