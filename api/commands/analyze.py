"""`lantern analyze` — network analytics on the graph (GDS): networks, communities, key players, similar
entities, hotspots, routes and explained risk scores."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.commands.common import connect, console, fail

STEPS_HELP = "networks,communities,centrality,similarity,hotspots,routes,risk"


def _summary_tables(summary: Any) -> list[Table]:
    main = Table(title=f"Analysis {summary.run_id} ({summary.duration_ms} ms)")
    main.add_column("What")
    main.add_column("Result", overflow="fold")
    main.add_row("Steps", ", ".join(summary.steps))
    main.add_row("Projected graph", f"{summary.node_count} entities, {summary.relationship_count} links")
    main.add_row("Networks", f"{summary.network_count} ({summary.linked_network_count} with 2+ entities)")
    main.add_row("Communities", str(summary.community_count))
    main.add_row("Similarity candidates", f"{summary.similarity_candidates} POSSIBLY_SAME_AS (never merged)")
    main.add_row("Risk scored", str(summary.risk_scored))
    if "risk" in summary.steps:
        main.add_row("Money red flags", f"{summary.money_flagged} accounts (detected again before risk)")
    main.add_row("Memory (estimates)", ", ".join(f"{k}: {v}" for k, v in summary.memory.items()))
    main.add_row("Time per step (ms)", ", ".join(f"{k}: {v}" for k, v in summary.step_ms.items()))
    tables = [main]
    if summary.excluded_hubs:
        hubs = Table(title=f"Excluded hubs ({len(summary.excluded_hubs)})")
        for col in ("Hub", "Kind", "Docs", "Links", "Why"):
            hubs.add_column(col, overflow="fold")
        for h in summary.excluded_hubs[:15]:
            hubs.add_row(h.name, h.kind, str(h.docs), str(h.degree), h.reason)
        tables.append(hubs)
    if summary.networks:
        nets = Table(title="Largest networks")
        for col in ("Net", "Size", "Comms", "Members (PageRank)", "Bridged by (betweenness)"):
            nets.add_column(col, overflow="fold")
        for n in summary.networks:
            nets.add_row(
                str(n.network_id),
                str(n.size),
                str(n.communities),
                ", ".join(n.members[:5]),
                ", ".join(n.bridges),
            )
        tables.append(nets)
    if summary.top_risk:
        risk = Table(title="Highest risk (every point explained)")
        for col in ("Entity", "Score", "Reasons"):  # not-vocabulary: column headers
            risk.add_column(col, overflow="fold")
        for r in summary.top_risk[:8]:
            risk.add_row(r["name"], str(r["score"]), "; ".join(r["reasons"]))
        tables.append(risk)
    if summary.hotspots:
        hot = Table(title="Hotspots (independent sources, last window)")
        for col in ("Place", "Score", "Docs", "Prev", "Trend", "Types"):
            hot.add_column(col, overflow="fold")
        for h in summary.hotspots[:8]:
            hot.add_row(
                h["place"],
                str(h["score"]),
                str(h["documents"]),
                str(h["previous_score"]),
                h["trend"],
                ", ".join(h["types"]),
            )
        tables.append(hot)
    if summary.routes:
        rt = Table(title="Routes")
        for col in ("Origin", "Via", "Destination", "Persons", "Docs", "Span"):
            rt.add_column(col, overflow="fold")
        for r in summary.routes[:8]:
            rt.add_row(
                r["origin"],
                " → ".join(r["via"]) or "—",
                r["destination"],
                str(r["persons"]),
                str(r["documents"]),
                f"{r['first_seen'] or '?'} … {r['last_seen'] or '?'}",
            )
        tables.append(rt)
    return tables


def analyze(
    only: str | None = typer.Option(
        None, "--only", help=f"Comma-separated steps: {STEPS_HELP} (default: all)."
    ),
    hub_max_doc_fraction: float | None = typer.Option(
        None, "--hub-max-doc-fraction", help="Entities in more than this share of documents are hubs (0.25)."
    ),
    hub_min_docs: int | None = typer.Option(
        None, "--hub-min-docs", help="...if in at least this many docs (5)."
    ),
    hub_max_degree: int | None = typer.Option(None, "--hub-max-degree", help="More typed links = hub (50)."),
    hub_classes: str | None = typer.Option(
        None, "--hub-classes", help="Classes never linking cases (Authority,NGO,Country,Region,City)."
    ),
    community: str | None = typer.Option(None, "--community", help="leiden (default) or louvain."),
    window_days: int | None = typer.Option(None, "--window-days", help="Hotspot window in days (365)."),
    json_out: Path | None = typer.Option(None, "--json", help="Write the full summary as JSON here."),
    geojson_dir: Path | None = typer.Option(
        None, "--geojson", help="Write hotspots.geojson and routes.geojson into this folder."
    ),
) -> None:
    """Find linked networks, communities, key players, similar entities, hotspots, routes and risk.

    Runs on the Neo4j Graph Data Science plugin; projections are always dropped afterwards. Hubs
    (authorities, cities, anything in too many documents) are excluded and listed.

    Example: lantern analyze --only networks,communities,centrality --hub-max-doc-fraction 0.2
    """
    from graph.analytics import InsufficientMemoryError, hotspots, load_options, routes, run_analysis
    from graph.db import GraphConnectionLostError, connection_lost, is_connection_lost

    overrides: dict[str, Any] = {
        "hub_max_doc_fraction": hub_max_doc_fraction,
        "hub_min_docs": hub_min_docs,
        "hub_max_degree": hub_max_degree,
        "community_algorithm": community,
        "window_days": window_days,
    }
    if hub_classes is not None:
        overrides["hub_exclude_labels"] = [c.strip() for c in hub_classes.split(",") if c.strip()]
    if community not in (None, "leiden", "louvain"):
        fail(f"--community must be leiden or louvain, not '{community}'")
    opts = load_options(**overrides)
    db = connect()
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # bounded retries; a lost server is said once below
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("Analysing", total=None)

            def tick(step: str, done: int, total: int) -> None:
                progress.update(task, description=step, completed=done, total=total)

            summary = run_analysis(db, only=only, progress=tick, options=opts)
        for table in _summary_tables(summary):
            console.print(table)
        for note in summary.notes:
            console.print(f"[yellow]{note}[/]")
        if json_out:
            json_out.write_text(json.dumps(summary.to_dict(), indent=2, default=str), encoding="utf-8")
            console.print(f"Summary written to {json_out}")
        if geojson_dir:
            geojson_dir.mkdir(parents=True, exist_ok=True)
            hot = hotspots(db, window_days=opts.window_days, limit=200)["geojson"]
            rts = routes(db, limit=500)["geojson"]
            (geojson_dir / "hotspots.geojson").write_text(json.dumps(hot, indent=1), encoding="utf-8")
            (geojson_dir / "routes.geojson").write_text(json.dumps(rts, indent=1), encoding="utf-8")
            console.print(f"GeoJSON written to {geojson_dir}/hotspots.geojson and routes.geojson")
    except ValueError as exc:
        fail(str(exc))
    except InsufficientMemoryError as exc:
        fail(str(exc))
    except Exception as exc:
        if not is_connection_lost(exc) and not isinstance(exc, GraphConnectionLostError):
            raise
        lost = exc if isinstance(exc, GraphConnectionLostError) else connection_lost(db.settings, exc)
        fail(
            f"{lost} Re-running is safe: the next `lantern analyze` drops this run's projection, marks the"
            " run interrupted and rewrites every result."
        )
    finally:
        db.close()
