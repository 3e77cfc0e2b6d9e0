"""`lantern evaluate key-players` — where the seed's planted broker and recruiters rank by risk."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from api.commands.common import console, fail, open_graph


def key_players_command(
    truth: Path = typer.Option(Path("seed/ground_truth.json"), "--truth", help="Ground truth JSON (seed)."),
    top: int = typer.Option(
        0, "--max-rank", help="Exit 1 when a planted key player ranks below this (0: never)."
    ),
) -> None:
    """Rank of every planted key player (brokers, each network's recruiter) among all scored entities.

    Run `lantern analyze` first: the ranks are those of its risk scores. Each row shows the score and
    the reasons the analysis gave, as a user reads them in `entity { riskScore riskReasons }`.

    Example: lantern evaluate key-players --truth seed/ground_truth.json
    """
    from graph.analytics.key_players import rank_key_players

    if not truth.exists():
        fail(f"ground truth {truth} not found: run `lantern seed build` or pass --truth")
    with open_graph() as db:
        ranks, scored = rank_key_players(db, truth)
    if scored == 0:
        fail(
            "no entity has a risk score: ingest the seed and run `lantern analyze` (all steps: a run with "
            "--only that leaves out `risk` clears the scores)"
        )
    table = Table(title=f"Planted key players by risk rank (of {scored} scored entities)")
    for col in ("Key player", "Planted as", "Rank", "Score", "Reasons (first two)"):
        table.add_column(col)
    for r in ranks:
        table.add_row(
            r.name,
            r.why,
            "not found" if r.rank is None else str(r.rank),
            "—" if r.score is None else f"{r.score:g}",
            "; ".join(r.reasons[:2]),
        )
    console.print(table)
    found = [r.rank for r in ranks if r.rank is not None]
    if found:
        console.print(f"worst rank {max(found)}, median rank {sorted(found)[len(found) // 2]} of {scored}")
    if top and (len(found) < len(ranks) or max(found) > top):
        raise typer.Exit(1)
