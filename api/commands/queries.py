"""`lantern queries list|show|run` — the analysts' Cypher library (`queries/library/*.cypher`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from api.commands.common import console, fail, open_graph
from api.config import get_settings

app = typer.Typer(
    help=(
        "The analysts' library of named investigation queries (the same files open in Neo4j Browser).\n\n"
        "Example: lantern queries run phone_network --param phone=+447700900101"
    ),
    no_args_is_help=True,
)


def _cell(value: Any, width: int = 80) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list | dict):
        text = (
            json.dumps(value, ensure_ascii=False, default=str)
            if isinstance(value, dict)
            else ", ".join(
                json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, dict) else str(v)
                for v in value
            )
        )
    else:
        text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def rows_table(rows: list[dict[str, Any]], title: str = "") -> Table:
    """A rich table with one column per returned key (in query order)."""
    table = Table(title=title or None, show_lines=False, header_style="bold cyan")
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    return table


@app.command("list")
def list_queries() -> None:
    """List the library queries with their parameters.

    Example: lantern queries list
    """
    from graph.library import library

    table = Table(header_style="bold cyan")
    table.add_column("name", style="bold", no_wrap=True)
    table.add_column("description")
    table.add_column("parameters")
    for lq in library().values():
        table.add_row(lq.name, lq.description, "\n".join(p.describe() for p in lq.params) or "(none)")
    console.print(table)
    console.print(
        'Run one: [bold]lantern queries run NAME --param key=value[/] (lists as JSON: ids=\'["a","b"]\')'
    )


@app.command()
def show(name: str = typer.Argument(..., help="Query name, e.g. phone_network")) -> None:
    """Print a query's documentation and Cypher (to paste into Neo4j Browser).

    Example: lantern queries show what_links_two_people
    """
    from graph.library import LibraryParamError, get_library_query

    try:
        lq = get_library_query(name)
    except LibraryParamError as exc:
        fail(str(exc))
    console.print(f"[bold]{lq.name}[/] — {lq.description}")
    for p in lq.params:
        console.print(f"  [cyan]${p.name}[/] {p.describe()} — {p.description}")
    console.print(f"  returns: {lq.returns}")
    console.print(f"  Browser: :params {json.dumps(lq.example_params())}")
    console.print(lq.cypher, markup=False, highlight=False, soft_wrap=True)


@app.command()
def guide(
    out: Path = typer.Option(
        Path("browser/lantern-guide.html"), "--out", "-o", help="Where to write the guide."
    ),
    api_base: str = typer.Option("http://localhost:8000", help="Base URL that serves the GraSS file."),
) -> None:
    """Write the Neo4j Browser guide (all library queries, ready to run) as a static HTML file.

    The API serves the same guide at /browser-guide/lantern.html; use this to host it elsewhere.

    Example: lantern queries guide --out browser/lantern-guide.html
    """
    from graph.library_guide import render_guide

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_guide(api_base), encoding="utf-8")
    console.print(
        f"Wrote {out}. In Neo4j Browser: :guide <URL of this file> (host must be on the allow-list)."
    )


@app.command()
def run(
    name: str = typer.Argument(..., help="Query name, e.g. phone_network (see `lantern queries list`)"),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE; repeat. Lists as JSON."),
    as_json: bool = typer.Option(False, "--json", help="Print rows as JSON instead of a table."),
) -> None:
    """Run a library query against the graph and print the rows as a table.

    Example: lantern queries run shared_identifiers -p ids='["person:larysa bondar", "person:oleh kravets"]'
    """
    from graph.library import LibraryParamError, parse_cli_params, run_library_query

    try:
        params = parse_cli_params(param)
        with open_graph() as db:
            rows = run_library_query(db, name, params, get_settings().default_phone_region)
    except LibraryParamError as exc:
        fail(str(exc))
    if as_json:
        console.print_json(json.dumps(rows, default=str))
        return
    if not rows:
        console.print(f"[yellow]No rows.[/] Check the parameters with `lantern queries show {name}`.")
        return
    console.print(rows_table(rows, title=f"{name} ({len(rows)} rows)"))
