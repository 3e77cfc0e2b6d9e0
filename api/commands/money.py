"""`lantern money import|flags|generate` — transactions into the graph, red flags, fictional test data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from api.commands.common import console, err_console, fail, open_graph

app = typer.Typer(
    help="Money flows: import transactions, find red flags.\n\nExample: lantern money flags --flag fan-in",
    no_args_is_help=True,
)
MASKED_ROLES = ("analyst", "auditor")


@app.command("import")
def import_command(
    file: Path = typer.Argument(
        ..., help="Transactions CSV: date, amount, currency, from_account, to_account, reference"
    ),
    source: str = typer.Option(
        ..., "--source", help="Who the file comes from: a partner or a case (kept as provenance)."
    ),
    flags: bool = typer.Option(
        True, "--flags/--no-flags", help="Re-run the red flags on the whole graph afterwards."
    ),
) -> None:
    """Read transactions into payment accounts and dated, valued transfers; every transfer keeps the file and
    line it came from. Bad rows are reported with their line number and reason; the others are written.
    Re-importing a file changes nothing.

    Example: lantern money generate --out /tmp/m && lantern money import /tmp/m/transactions.csv --source bank
    """
    from graph.money.load import import_file

    if not file.exists():
        fail(f"No such file: {file}. Give a transactions CSV (`lantern money generate` writes one).")
    if not source.strip():
        fail("--source is empty: name the partner or case the file comes from, e.g. --source partner-bank")
    with (
        open_graph() as db,
        Progress(
            TextColumn("Importing transfers"), BarColumn(), MofNCompleteColumn(), console=console
        ) as progress,
    ):

        def start(total: int) -> Callable[[int], None]:
            task = progress.add_task("import", total=total)
            return lambda n: progress.advance(task, n)

        try:
            summary, found = import_file(db, file, source.strip(), refresh_flags=flags, start=start)
        except (ValueError, UnicodeDecodeError) as exc:
            fail(f"{file}: {exc}")
    for e in summary.errors:
        err_console.print(f"[yellow]Line {e.line}[/] ({e.id}): {e.reason} — skipped")
    console.print(
        f"{summary.transfers_written} transfers from {file.name} ({summary.evidence_added} new, "
        f"{summary.unchanged} already there) between {summary.accounts} accounts; "
        f"{len(summary.errors)} rows skipped; record {summary.record_id}"
    )
    if found is not None:
        console.print(f"Red flags now: {found} (see `lantern money flags`).")


@app.command("flags")
def flags_command(
    flag: list[str] = typer.Option(
        [],
        "--flag",
        help="Only these flags (repeat): fan-in, rent for several, advertising, rapid in-out, structuring.",
    ),
    role: str = typer.Option(
        "analyst", "--role", help="Masking role for account numbers: analyst or auditor."
    ),
    limit: int = typer.Option(50, "--limit", min=1, help="Most flags shown."),
) -> None:
    """Find the money red flags in the graph (thresholds: LANTERN_MONEY_* settings), store them on the
    accounts for the risk score and the supplier audit, and explain each with the transfers behind it.

    Example: lantern money flags --flag structuring
    """
    from graph.money.flags import FLAG_NAMES, detect, write_flags
    from graph.privacy import mask_snippet

    if role not in MASKED_ROLES:
        fail(f"--role {role!r}: use analyst or auditor (clear account numbers: the API, as investigator).")
    unknown = [f for f in flag if f not in FLAG_NAMES]
    if unknown:
        fail(f"Unknown flag {unknown[0]!r}: use one of {', '.join(FLAG_NAMES)}.")
    with open_graph() as db:
        found = detect(db)
        write_flags(db, found)
    shown = [f for f in found if not flag or f.flag in flag]
    if not shown:
        console.print(
            "No money red flags: import transactions first (`lantern money import FILE --source NAME`)."
        )
        return
    table = Table("flag", "why (account numbers masked for the role)", show_lines=True)
    for f in shown[:limit]:
        table.add_row(Text(f.flag), Text(mask_snippet(f.reason, role) or ""))  # "[account]" is not markup
    console.print(table)
    console.print(f"{len(shown)} flags" + (f" ({limit} shown)" if len(shown) > limit else ""))


@app.command("generate")
def generate_command(
    out: Path = typer.Option(
        Path("money"), "--out", help="Folder for transactions.csv and money_truth.json."
    ),
    seed: int = typer.Option(26, "--seed", help="Random seed (same seed, same files)."),
    networks: int = typer.Option(0, "--networks", min=0, help="Invented networks besides the seed's seven."),
    people: int = typer.Option(40, "--people", min=0, help="People with everyday finances around them."),
) -> None:
    """Write fictional transactions for the seed's networks, with planted red-flag patterns, everyday noise
    and the ground truth `lantern evaluate money` scores against.

    Example: lantern money generate --out /tmp/money --networks 23 --people 400
    """
    from seed.money import write

    csv_path, truth_path = write(out, seed=seed, extra_networks=networks, people=people)
    console.print(f"Wrote {csv_path} and {truth_path}.")
