"""`lantern evaluate money` — precision and recall of the money red flags vs a generator's truth."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from api.commands.common import console, fail, open_graph


def money_command(
    truth: Path | None = typer.Option(
        None,
        "--truth",
        help="Ground truth of `lantern money generate` (default: the one `lantern demo` wrote).",
    ),
    goal: float = typer.Option(
        0.9, "--goal", min=0.0, max=1.0, help="Precision and recall a flag should reach."
    ),
    fail_under: bool = typer.Option(False, "--fail-under", help="Exit 1 when a flag misses the goal (CI)."),
) -> None:
    """Detect the money red flags in the graph and score them against the planted patterns: per flag, true
    and false positives, misses, precision and recall. Run it on a graph holding only the generated
    transactions of that truth (the demo's, or a set you generated and imported).

    Example: lantern evaluate money
    """
    from api.config import get_settings
    from api.demo import demo_money_dir
    from graph.money.evaluate import load_truth, score
    from graph.money.flags import detect

    path = truth or demo_money_dir(get_settings()) / "money_truth.json"
    if not path.exists():
        fail(
            f"No such file: {path}. Run `lantern demo`, or `lantern money generate --out money`, import "
            "money/transactions.csv and pass --truth money/money_truth.json."
        )
    try:
        data = load_truth(path)
    except ValueError as exc:
        fail(str(exc))
    with open_graph() as db:
        found = detect(db)
    if not found:
        fail(
            "No money red flags found: import the generated transactions first "
            f"(`lantern money import {path.parent / 'transactions.csv'} --source generated`)."
        )
    table = Table("flag", "planted", "found", "TP", "FP", "FN", "precision", "recall")
    below = []
    for s in score(found, data):
        cells = (s.tp + s.fn, s.tp + s.fp, s.tp, s.fp, s.fn)
        table.add_row(s.flag, *map(str, cells), f"{s.precision:.3f}", f"{s.recall:.3f}")
        if s.precision < goal or s.recall < goal:
            below.append(s.flag)
    console.print(table)
    gen = data.get("generator", {})
    console.print(
        f"Truth {path}: seed {gen.get('seed')}, {gen.get('extra_networks')} invented networks besides the "
        f"seed's, {gen.get('people')} people, {gen.get('transactions')} transactions."
    )
    if not below:
        console.print(f"Every flag reaches precision and recall ≥ {goal}.")
        return
    console.print(f"[red]Below the goal {goal}:[/] {', '.join(below)}")
    if fail_under:
        raise typer.Exit(1)
