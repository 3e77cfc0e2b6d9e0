"""`lantern evaluate money` — precision and recall of the money red flags vs a generator's truth."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from api.commands.common import connect, console, fail


def money_command(
    truth: Path = typer.Option(
        Path("money/money_truth.json"), "--truth", help="Ground truth from `lantern money generate`."
    ),
    goal: float = typer.Option(
        0.9, "--goal", min=0.0, max=1.0, help="Precision and recall each flag must reach."
    ),
) -> None:
    """Detect the money red flags in the graph and score them against the planted patterns (per flag: true
    and false positives, misses, precision, recall). Exit code 1 when a flag misses the goal.

    Example: lantern evaluate money --truth money/money_truth.json
    """
    from graph.db import GraphUnavailableError
    from graph.money.evaluate import load_truth, score
    from graph.money.flags import detect

    if not truth.exists():
        fail(f"No such file: {truth}. Write one with `lantern money generate --out money`.")
    try:
        data = load_truth(truth)
    except ValueError as exc:
        fail(str(exc))
    try:
        with connect() as db:
            found = detect(db)
    except GraphUnavailableError as exc:
        fail(str(exc))
    if not found:
        fail(
            "No money red flags found: import the generated transactions first "
            f"(`lantern money import {truth.parent / 'transactions.csv'} --source generated`)."
        )
    table = Table("flag", "planted", "found", "TP", "FP", "FN", "precision", "recall")
    below = []
    for s in score(found, data):
        table.add_row(
            s.flag,
            str(s.tp + s.fn),
            str(s.tp + s.fp),
            str(s.tp),
            str(s.fp),
            str(s.fn),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
        )
        if s.precision < goal or s.recall < goal:
            below.append(s.flag)
    console.print(table)
    if below:
        console.print(f"[red]Below the goal {goal}:[/] {', '.join(below)}")
        raise typer.Exit(1)
    console.print(f"Every flag reaches precision and recall ≥ {goal}.")
