"""GDS steps on the projected graph: networks (WCC), communities (Leiden/Louvain), key players
(PageRank, betweenness) and similar entities (node similarity). Results come back to Python keyed by
entity id; ids are renumbered so that network 1 is the largest (stable across runs of the same graph)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graph.analytics.community_ids import carry_over
from graph.analytics.options import AnalysisOptions
from graph.db import Runner


@dataclass
class NodeResults:
    network: dict[str, int] = field(default_factory=dict)
    network_size: dict[int, int] = field(default_factory=dict)
    community: dict[str, int] = field(default_factory=dict)
    previous_community: dict[str, int] = field(default_factory=dict)
    """The last run's communities (entity -> id): their ids are carried over (`community_ids`)."""
    communities_kept: int = 0
    pagerank: dict[str, float] = field(default_factory=dict)
    betweenness: dict[str, float] = field(default_factory=dict)

    def rows(self) -> list[dict[str, object]]:
        return [
            {
                "id": eid,
                "network_id": net,
                "network_size": self.network_size.get(net, 1),
                "community_id": self.community.get(eid),
                "pagerank": self.pagerank.get(eid),
                "betweenness": self.betweenness.get(eid),
            }
            for eid, net in sorted(self.network.items())
        ]


def renumber(groups: dict[str, int], within: dict[str, int] | None = None) -> dict[str, int]:
    """Map raw GDS ids to 1..n: largest group first, ties by smallest member id (deterministic).

    With `within` (entity → network), groups are ordered by network first, so community ids of
    network 1 come before those of network 2.
    """
    members: dict[int, list[str]] = defaultdict(list)
    for eid, g in groups.items():
        members[g].append(eid)

    def key(g: int) -> tuple[int, int, str]:
        ids = members[g]
        net = within.get(ids[0], 0) if within else 0
        return (net, -len(ids), min(ids))

    order = {g: i + 1 for i, g in enumerate(sorted(members, key=key))}
    return {eid: order[g] for eid, g in groups.items()}


def run_networks(db: Runner, graph: str, opts: AnalysisOptions, res: NodeResults) -> None:
    rows = db.read("analysis/wcc_stream", graph=graph, concurrency=opts.concurrency)
    res.network = renumber({r["id"]: int(r["component"]) for r in rows})
    res.network_size = dict(Counter(res.network.values()))


def run_communities(db: Runner, graph: str, opts: AnalysisOptions, res: NodeResults) -> None:
    if opts.community_algorithm == "louvain":
        rows = db.read("analysis/louvain_stream", graph=graph, concurrency=opts.community_concurrency)
    elif opts.community_algorithm == "leiden":
        rows = db.read(
            "analysis/leiden_stream",
            graph=graph,
            concurrency=opts.community_concurrency,
            seed=opts.random_seed,
            gamma=opts.leiden_gamma,
        )
    else:
        raise ValueError(f"unknown community algorithm '{opts.community_algorithm}': use leiden or louvain")
    raw = {r["id"]: int(r["community"]) for r in rows}
    if res.network:  # a community never spans two networks; split any that would (defensive)
        raw = {eid: c * 1_000_003 + res.network.get(eid, 0) for eid, c in raw.items()}
    res.community, res.communities_kept = carry_over(
        renumber(raw, within=res.network or None), res.previous_community
    )


def sampling_size(nodes: int, opts: AnalysisOptions) -> int:
    return nodes if nodes <= opts.betweenness_exact_max_nodes else opts.betweenness_exact_max_nodes


def run_centrality(db: Runner, graph: str, nodes: int, opts: AnalysisOptions, res: NodeResults) -> None:
    rows = db.read(
        "analysis/pagerank_stream", graph=graph, concurrency=opts.concurrency, damping=opts.pagerank_damping
    )
    res.pagerank = {r["id"]: round(float(r["score"]), 6) for r in rows}
    rows = db.read(
        "analysis/betweenness_stream",
        graph=graph,
        concurrency=opts.concurrency,
        sampling_size=max(sampling_size(nodes, opts), 1),
        seed=opts.random_seed,
    )
    res.betweenness = {r["id"]: round(float(r["score"]), 6) for r in rows}


def similarity_reason(shared: list[dict[str, str]]) -> str:
    if not shared:
        return "similar neighbourhoods in the typed-relation graph"
    parts = [f"{s.get('kind') or 'entity'} {s['name']}" for s in shared[:6]]
    more = f" and {len(shared) - 6} more" if len(shared) > 6 else ""
    return "shares " + ", ".join(parts) + more


def run_similarity(db: Runner, graph: str, opts: AnalysisOptions, run_id: str) -> int:
    """Write POSSIBLY_SAME_AS candidates from node similarity; returns how many were written."""
    pairs = db.read(
        "analysis/similarity_stream",
        graph=graph,
        concurrency=opts.concurrency,
        cutoff=opts.similarity_cutoff,
        top_k=opts.similarity_top_k,
    )
    if not pairs:
        return 0
    shared = {
        (r["a"], r["b"]): r["shared"]
        for r in db.read("analysis/shared_neighbours", pairs=[{"a": p["a"], "b": p["b"]} for p in pairs])
    }
    rows = [
        {
            "a": p["a"],
            "b": p["b"],
            "score": round(float(p["score"]), 4),
            "reason": similarity_reason(shared.get((p["a"], p["b"]), [])),
        }
        for p in pairs
    ]
    written = 0
    for i in range(0, len(rows), opts.write_batch_size):
        out = db.write(
            "analysis/merge_similarity_candidates", run_id=run_id, rows=rows[i : i + opts.write_batch_size]
        )
        written += int(out[0]["written"]) if out else 0
    return written
