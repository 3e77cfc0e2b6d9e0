"""`lantern evaluate networks` — recovered networks vs the planted ones (adjusted Rand index)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from api.commands.common import console, fail


def networks_command(
    truth: Path = typer.Option(Path("seed/ground_truth.json"), "--truth", help="Ground truth JSON (seed)."),
    analyze: bool = typer.Option(
        False, "--analyze/--no-analyze", help="Run `lantern analyze --only networks,communities` first."
    ),
    minimum: float = typer.Option(0.0, "--min-ari", help="Exit 1 when the best ARI is below this."),
    out: Path | None = typer.Option(None, "--out", help="Write the report (JSON) here."),
) -> None:
    """Score the networks and communities of the last analysis against planted networks (ARI).

    Members are matched to graph entities by value (E.164 phone, e-mail) or name; members not found
    count as singletons.

    Example: lantern evaluate networks --truth seed/ground_truth.json --analyze --min-ari 0.9
    """
    from dataclasses import asdict

    from graph.analytics import evaluate_networks, run_analysis
    from graph.db import Database, GraphUnavailableError

    if not truth.exists():
        fail(f"ground truth {truth} not found: run `lantern seed build` or pass --truth")
    try:
        db = Database.connect()
    except GraphUnavailableError as exc:
        fail(str(exc))
    try:
        if analyze:
            run_analysis(db, only="networks,communities")
        reports = [evaluate_networks(db, truth, level=level) for level in ("network", "community")]
    finally:
        db.close()
    if reports[0].matched == 0:
        fail("no ground-truth member was found in the graph: ingest the seed and run `lantern analyze` first")
    for report in reports:
        _print_report(report)
    if out:
        out.write_text(json.dumps([asdict(r) for r in reports], indent=2), encoding="utf-8")
    if max(r.ari for r in reports) < minimum:
        raise typer.Exit(1)


def _print_report(report: Any) -> None:
    table = Table(title=f"Planted networks vs recovered {report.level}s: ARI {report.ari:.3f}")
    table.add_column("Planted network")
    table.add_column("Members")
    table.add_column(f"Found in graph {report.level}s (id: members)")
    for n in report.per_network:
        found = ", ".join(f"{k}: {v}" for k, v in n["found_in"].items()) or "—"
        table.add_row(n["truth"], str(n["items"]), found)
    console.print(table)
    console.print(
        f"{report.level} level: adjusted Rand index {report.ari:.4f} over {report.items} members "
        f"({report.matched} found; {report.truth_networks} planted → "
        f"{report.recovered_networks} recovered {report.level}s)"
    )
    if report.missing:
        console.print(f"[yellow]Not found ({len(report.missing)}):[/] " + "; ".join(report.missing[:20]))
