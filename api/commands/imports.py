"""`lantern import ftm FILE`: FollowTheMoney entities (e.g. a sanctions or watch list) into the graph with
provenance, or `--as-watchlist NAME` into watches that raise alerts when ingested documents touch them."""

from __future__ import annotations

from pathlib import Path

import typer

from api.commands.common import console, fail, open_graph
from api.config import get_settings

app = typer.Typer(
    help="Read data from other tools.\n\nExample: lantern import ftm /tmp/lantern-ftm.jsonl --name rt",
    no_args_is_help=True,
)


@app.command("ftm")
def ftm(
    path: Path = typer.Argument(..., help="FollowTheMoney entities, one JSON object per line."),
    name: str | None = typer.Option(None, "--name", help="Name of this import (default: the file name)."),
    as_watchlist: str | None = typer.Option(
        None, "--as-watchlist", help="Watch the file's identifiers and names under this label instead."
    ),
    owner: str = typer.Option("ftm-import", help="Key name the watches belong to (with --as-watchlist)."),
) -> None:
    """Import FollowTheMoney entities. Into the graph: ids, kinds and evidence of a Lantern export come back
    unchanged; a foreign file gets one provenance document `ftm-import:NAME` its entities cite. With
    --as-watchlist: every phone, e-mail, account and name becomes a watch (re-running adds nothing twice).

    Example: lantern import ftm /tmp/lantern-ftm.jsonl --name rt

    Example: lantern import ftm seed/watchlists/sanctions-ftm.jsonl --as-watchlist fictional-sanctions
    """
    from api.cli_audit import audit_operation

    if not path.is_file():
        fail(f"{path} is not a file: give FollowTheMoney JSON lines (e.g. from lantern export --format ftm).")
    settings = get_settings()
    if as_watchlist:
        from api.watch.import_list import import_watchlist

        added, kept, errors = import_watchlist(settings, path, as_watchlist, owner)
        audit_operation(
            "import-watchlist",
            [],
            file=str(path),
            watchlist=as_watchlist,
            added=added,
            kept=kept,
            errors=len(errors),
        )
        console.print(f"Watchlist [bold]{as_watchlist}[/]: {added} new watch(es), {kept} already watched.")
    else:
        from graph.ftm.run import import_ftm

        with open_graph(settings) as db, console.status(f"Importing {path} ..."):
            result = import_ftm(db, path, name or path.name, settings.default_phone_region)
        errors = result.read_errors + result.plan.errors
        audit_operation(
            "import-ftm", [], file=str(path), name=name or path.name, **result.written, errors=len(errors)
        )
        written = ", ".join(f"{n} {k}" for k, n in result.written.items())
        console.print(f"Imported {path}: {written}.")
    for error in errors[:20]:
        console.print(f"  skipped: {error}", markup=False)
    if errors:
        console.print(
            f"[yellow]{len(errors)} line(s) or entities skipped[/] (first 20 above); the rest was imported."
        )
