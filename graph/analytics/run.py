"""`run_analysis`: hubs → estimate → project → WCC / communities / centrality / similarity / risk → drop,
then hotspots and routes; an AnalysisRun node records what ran, on what, and how long it took."""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from graph.analytics.hotspots import hotspots as find_hotspots
from graph.analytics.hubs import excluded_ids, find_hubs
from graph.analytics.networks import (
    NodeResults,
    run_centrality,
    run_communities,
    run_networks,
    run_similarity,
    sampling_size,
)
from graph.analytics.options import GRAPH_STEPS, STEPS, AnalysisOptions, load_options
from graph.analytics.projection import check_algorithms, estimate_projection, projected
from graph.analytics.risk import run_risk
from graph.analytics.routes import routes as find_routes
from graph.analytics.stale import drop_stale_projections, owner, projection_name
from graph.analytics.summary import AnalysisSummary, NetworkInfo
from graph.db import Runner
from graph.money.flags import refresh as refresh_money_flags
from ontology import load_ontology
from ontology.names import C

ProgressFn = Callable[[str, int, int], None]
"""progress(step description, steps done, steps total)."""


class TimedRunner:
    """Passes the analytics timeout to every catalog call (the driver default suits the API, not GDS)."""

    def __init__(self, db: Runner, timeout: float) -> None:
        self.db, self.timeout = db, timeout

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.db.read(name, timeout=self.timeout, **params)

    def write(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.db.write(name, timeout=self.timeout, **params)


def parse_only(only: str | list[str] | None) -> list[str]:
    if not only:
        return list(STEPS)
    items = only.split(",") if isinstance(only, str) else list(only)
    wanted = {s.strip().lower() for s in items if s.strip()}
    unknown = sorted(wanted - set(STEPS))
    if unknown:
        raise ValueError(f"unknown analysis step(s) {', '.join(unknown)}; choose from {', '.join(STEPS)}")
    if wanted & set(GRAPH_STEPS):
        wanted.add("networks")  # every graph step needs the networks
    return [s for s in STEPS if s in wanted]


def _algorithms(steps: list[str], opts: AnalysisOptions) -> list[str]:
    names = {
        "networks": ["wcc"],
        "communities": [opts.community_algorithm],
        "centrality": ["pageRank", "betweenness"],
        "similarity": ["nodeSimilarity"],
        "hotspots": ["hotspots"],
        "routes": ["routes"],
        "risk": ["risk"],
    }
    return [a for s in steps for a in names[s]]


def _network_infos(members: list[dict[str, Any]], limit: int = 10) -> list[NetworkInfo]:
    by_net: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for m in members:
        by_net[m["network_id"]].append(m)
    infos = []
    for net, ms in sorted(by_net.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]:
        people = [m for m in ms if m["kind"] not in {None} and not _is_identifier(m)]
        people.sort(key=lambda m: -(m["pagerank"] or 0))
        bridges = sorted(
            (m for m in ms if (m["betweenness"] or 0) > 0), key=lambda m: -(m["betweenness"] or 0)
        )
        infos.append(
            NetworkInfo(
                network_id=net,
                size=len(ms),
                kinds=dict(Counter(m["kind"] or "?" for m in ms)),
                communities=len({m["community_id"] for m in ms if m["community_id"] is not None}),
                members=[m["name"] or m["id"] for m in people[:8]],
                bridges=[f"{m['name'] or m['value'] or m['id']} ({m['kind']})" for m in bridges[:3]],
            )
        )
    return infos


# member kinds a network summary counts as identifiers: every concrete identifier class, and addresses
IDENTIFIER_KINDS = load_ontology().classes_under(C.Identifier, include_abstract=False) | {C.Address}


def _is_identifier(m: dict[str, Any]) -> bool:
    return m["kind"] in IDENTIFIER_KINDS


def _graph_steps(
    db: Runner,
    steps: list[str],
    opts: AnalysisOptions,
    summary: AnalysisSummary,
    tick: Callable[[str | None], None],
) -> None:
    tick("finding hubs")
    hubs = find_hubs(db, opts)
    summary.excluded_hubs = hubs
    excluded = excluded_ids(hubs)
    nodes, _, summary.memory["projection"] = estimate_projection(db, opts, excluded)
    if nodes == 0:
        summary.notes.append("no entities to analyse: ingest documents first (lantern ingest <files>)")
        return
    res = NodeResults()
    if "communities" in steps:  # before this run clears them: their ids are carried over
        res.previous_community = {
            m["id"]: m["community_id"] for m in db.read("analysis/network_members") if m["community_id"]
        }
    name = projection_name("networks", summary.run_id)
    with projected(db, name, opts, excluded) as proj:
        summary.node_count, summary.relationship_count = proj.nodes, proj.relationships
        summary.memory.update(check_algorithms(db, name, opts, max(sampling_size(proj.nodes, opts), 1)))
        tick("linked networks (WCC)")
        run_networks(db, name, opts, res)
        if "communities" in steps:
            tick(f"communities ({opts.community_algorithm})")
            run_communities(db, name, opts, res)
        if "centrality" in steps:
            tick("key players (PageRank, betweenness)")
            run_centrality(db, name, proj.nodes, opts, res)
        tick("writing results")
        db.write("analysis/clear_results")
        rows = res.rows()
        for i in range(0, len(rows), opts.write_batch_size):
            db.write(
                "analysis/write_node_results", run_id=summary.run_id, rows=rows[i : i + opts.write_batch_size]
            )
        if "similarity" in steps:
            tick("similar entities (node similarity)")
            summary.similarity_candidates = run_similarity(db, name, opts, summary.run_id)
    summary.network_count = len(res.network_size)
    summary.linked_network_count = sum(1 for n in res.network_size.values() if n >= 2)
    summary.community_count = len(set(res.community.values()))
    summary.communities_kept = res.communities_kept
    members = db.read("analysis/network_members")
    summary.networks = _network_infos(members)
    ranked = sorted(members, key=lambda m: (-(m["betweenness"] or 0), -(m["pagerank"] or 0), m["id"]))
    summary.key_players = [
        {k: m[k] for k in ("id", "name", "kind", "network_id", "community_id", "pagerank", "betweenness")}
        for m in ranked[:10]
    ]
    cleared = [label for step, label in CLEARED_UNLESS_RUN if step not in steps]
    if cleared:  # every entity now carries this run's results only; say what it did not recompute
        summary.notes.append(
            f"this run did not compute {', '.join(cleared)}: the earlier values were cleared with the rest "
            "of the previous run's results (they depend on the networks); run `lantern analyze` without "
            "--only to have them again"
        )
    if "risk" in steps:
        tick("money red flags")  # risk reads them: detected again over the transfers held now
        flagged = refresh_money_flags(db)
        summary.money_flagged = len({f.account_id for f in flagged})
        tick("risk scores")
        risks = run_risk(db, res, opts, summary.run_id)
        summary.risk_scored = len(risks)
        summary.top_risk = [
            {"id": r.id, "name": r.name, "score": r.score, "reasons": r.reasons} for r in risks[:10]
        ]


CLEARED_UNLESS_RUN = (
    ("communities", "communities"),
    ("centrality", "key-player centrality"),
    ("risk", "risk scores"),
)
"""Entity results `analysis/clear_results` removes that only these steps write again."""


def _run_record(
    summary: AnalysisSummary, opts: AnalysisOptions, started: datetime, status: str, error: str | None
) -> dict[str, Any]:
    return {
        "id": summary.run_id,
        "algorithms": _algorithms(summary.steps, opts),
        "steps": summary.steps,
        "parameters": json.dumps(opts.model_dump(), sort_keys=True),
        "node_count": summary.node_count,
        "relationship_count": summary.relationship_count,
        "network_count": summary.network_count,
        "community_count": summary.community_count,
        "communities_kept": summary.communities_kept,
        "excluded_hubs": [h.label() for h in summary.excluded_hubs],
        "excluded_hub_ids": [h.id for h in summary.excluded_hubs],
        "similarity_candidates": summary.similarity_candidates,
        "step_ms": json.dumps(summary.step_ms),
        "started_at": started.isoformat(),
        "duration_ms": summary.duration_ms,
        "status": status,
        "error": error,
        **owner(),
    }


def run_analysis(
    db: Runner,
    settings: object | None = None,
    only: str | list[str] | None = None,
    progress: ProgressFn | None = None,
    options: AnalysisOptions | None = None,
) -> AnalysisSummary:
    """Run the analysis steps (`only` picks some: networks, communities, centrality, similarity, hotspots,
    routes, risk) and return the summary. Raises InsufficientMemoryError before projecting a graph that
    would not fit, ValueError for unknown steps; projections are dropped in every case."""
    opts = options or load_options()
    steps = parse_only(only)
    db = TimedRunner(db, opts.query_timeout_s)
    run_id = f"run-{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    summary = AnalysisSummary(run_id=run_id, steps=steps)
    started, t0 = datetime.now(UTC), time.monotonic()
    total = len(steps) + (2 if set(steps) & set(GRAPH_STEPS) else 0) + ("risk" in steps)
    done = 0
    current: list[Any] = [None, time.monotonic()]  # [label, started]

    def tick(label: str | None) -> None:
        nonlocal done
        now = time.monotonic()
        if current[0]:
            summary.step_ms[current[0]] = int((now - current[1]) * 1000)
        current[0], current[1] = label, now
        if label is None:
            return
        if progress:
            progress(label, done, total)
        done += 1

    cleanup = drop_stale_projections(db)  # what killed runs left behind
    if cleanup.note():
        summary.notes.append(str(cleanup.note()))
    db.write("analysis/merge_run", run=_run_record(summary, opts, started, "running", None))
    try:
        if set(steps) & set(GRAPH_STEPS):
            _graph_steps(db, steps, opts, summary, tick)
        if "hotspots" in steps:
            tick("hotspots")
            summary.hotspots = find_hotspots(db, window_days=opts.window_days, limit=10)["rows"]
        if "routes" in steps:
            tick("routes")
            summary.routes = find_routes(db, limit=10)["rows"]
    except Exception as exc:
        summary.duration_ms = int((time.monotonic() - t0) * 1000)
        db.write(
            "analysis/merge_run",
            run=_run_record(summary, opts, started, "failed", f"{type(exc).__name__}: {exc}"),
        )
        raise
    tick(None)
    summary.duration_ms = int((time.monotonic() - t0) * 1000)
    db.write("analysis/merge_run", run=_run_record(summary, opts, started, "completed", None))
    if progress:
        progress("done", total, total)
    return summary
