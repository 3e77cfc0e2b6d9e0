"""The linked-network projection: estimate memory, project, and always drop (try/finally)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from graph.analytics.options import AnalysisOptions
from graph.db import Runner


class InsufficientMemoryError(RuntimeError):
    """The projection or an algorithm would not fit the Neo4j heap; the message says what to do."""


@dataclass
class Projection:
    name: str
    nodes: int
    relationships: int


def _too_big(what: str, required: str, pct: float, opts: AnalysisOptions) -> InsufficientMemoryError:
    return InsufficientMemoryError(
        f"{what} is estimated to need {required} ({pct:.0f}% of the Neo4j heap; the limit is "
        f"{opts.max_heap_percentage:.0f}%). Raise the heap (LANTERN_NEO4J_HEAP, "
        "and restart Neo4j), exclude more hubs, or run fewer steps with --only."
    )


def estimate_projection(db: Runner, opts: AnalysisOptions, excluded: list[str]) -> tuple[int, int, str]:
    """Count what would be projected and check the estimate against the heap; (nodes, rels, memory)."""
    size = db.read(
        "analysis/count_projection",
        node_labels=opts.network_labels,
        exclude_labels=opts.hub_exclude_labels,
        excluded_ids=excluded,
    )[0]
    nodes, rels = int(size["nodes"] or 0), int(size["relationships"] or 0)
    est = db.read("analysis/estimate_projection", nodes=max(nodes, 1), relationships=rels)[0]
    pct = float(est["heap_percentage_max"])
    if pct > opts.max_heap_percentage:
        raise _too_big(
            f"The projection ({nodes} nodes, {rels} relationships)", est["required_memory"], pct, opts
        )
    return nodes, rels, str(est["required_memory"])


def check_algorithms(db: Runner, graph: str, opts: AnalysisOptions, sampling_size: int) -> dict[str, str]:
    """Estimate every algorithm on the projected graph; raise before running any that would not fit."""
    rows = db.read("analysis/estimate_algorithms", graph=graph, sampling_size=sampling_size)
    for r in rows:
        pct = float(r["heap_percentage_max"])
        if pct > opts.max_heap_percentage:
            raise _too_big(f"GDS {r['algorithm']}", r["required_memory"], pct, opts)
    return {r["algorithm"]: str(r["required_memory"]) for r in rows}


@contextmanager
def projected(db: Runner, name: str, opts: AnalysisOptions, excluded: list[str]) -> Iterator[Projection]:
    """Project the network graph under `name`; the projection is dropped however the block ends."""
    db.write("analysis/drop_graph", graph=name)  # a leftover of the same name from a killed run
    try:
        row = db.write(
            "analysis/project_network",
            graph=name,
            node_labels=opts.network_labels,
            exclude_labels=opts.hub_exclude_labels,
            excluded_ids=excluded,
        )[0]
        yield Projection(name=name, nodes=int(row["nodes"]), relationships=int(row["relationships"]))
    finally:
        db.write("analysis/drop_graph", graph=name)
