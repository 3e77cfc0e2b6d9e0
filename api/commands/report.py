# ruff: noqa: E501
"""`lantern report` — a Key Judgement Report for a region and period (HTML, PDF or JSON)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from api.commands.common import console, fail, open_graph

if TYPE_CHECKING:
    from graph.report.build import Request


def _period(value: str) -> tuple[date, date]:
    """`2024` / `2024-Q2` / `2024-05` -> (first day, last day)."""
    from calendar import monthrange

    try:
        if len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
        y, rest = value.split("-")
        if rest.upper().startswith("Q"):
            q = int(rest[1:])
            last = q * 3
            return date(int(y), last - 2, 1), date(int(y), last, monthrange(int(y), last)[1])
        m = int(rest)
        return date(int(y), m, 1), date(int(y), m, monthrange(int(y), m)[1])
    except (ValueError, IndexError):
        fail(f"--period {value!r}: use 2024, 2024-Q2 or 2024-05")


def _from_graph(req: Request) -> dict[str, object]:
    from graph.report.graph_source import from_graph

    with open_graph() as db:
        return from_graph(db.read, req)


def report(
    documents: Path | None = typer.Option(
        None, "--documents", "-d", help="`lantern extract` output (JSONL)."
    ),
    from_graph: bool = typer.Option(
        False, "--graph", help="Read the graph (documents, movements, last analytics run) instead."
    ),
    out: list[Path] = typer.Option(
        ..., "--out", "-o", help="report.html, report.pdf or report.json (repeatable)."
    ),
    region: str | None = typer.Option(
        None,
        "--region",
        help="A country or US state (documents naming it or a place in it), or any other place (documents naming it).",
    ),
    start: str | None = typer.Option(None, "--from", help="First day, YYYY-MM-DD."),
    end: str | None = typer.Option(None, "--to", help="Last day, YYYY-MM-DD."),
    period: str | None = typer.Option(
        None, "--period", help="Instead of --from/--to: 2024, 2024-Q2, 2024-05."
    ),
    granularity: str = typer.Option(
        "month", "--granularity", help="Forecast period: month | quarter | year."
    ),
    role: str = typer.Option(
        "analyst", "--role", help="Reader role: personal data is masked by graph/privacy.py."
    ),
) -> None:
    """Key judgements in PHIA probability language (from the backtest-weighted forecast, recalibrated
    where that helps), each with its numbers, ≥ 2 cited documents and what would change it; hotspots
    (inline SVG map), routes with their next-period outlook, forms and indicators, sectors and
    businesses exposed, intelligence gaps, prevention targeting (where, why, for whom), provenance.

    With --graph the report reads the running Neo4j instead: routes from its movement relationships and
    networks that appeared, grew or went quiet from the last analytics run's communities.

    Example: lantern extract seed/corpus --out /tmp/seed.jsonl && lantern report -d /tmp/seed.jsonl --period 2024 --granularity quarter --out /tmp/kjr.html --out /tmp/kjr.json
    Example: lantern report -d /tmp/seed.jsonl --period 2024 --granularity quarter --region Poland --out /tmp/kjr-pl.json
    Example: lantern report --graph --period 2024 --granularity quarter --role auditor --out /tmp/kjr-graph.html --out /tmp/kjr-graph.json
    """
    from api.config import get_settings
    from api.state import configure_privacy
    from graph.report.build import Request, build_report
    from graph.report.render import write

    if period:
        first, last = _period(period)
    elif start and end:
        try:
            first, last = date.fromisoformat(start), date.fromisoformat(end)
        except ValueError:
            fail("--from/--to must be YYYY-MM-DD")
    else:
        fail("give --period, or both --from and --to")
    if (documents is None) == (not from_graph):
        fail("give --documents FILE (`lantern extract` output) or --graph (the running Neo4j), not both")
    if documents is not None and not documents.exists():
        fail(f"{documents} does not exist: make it with `lantern extract DOCS --out {documents}`")
    for o in out:
        if o.suffix.lower() not in (".html", ".pdf", ".json"):
            fail(f"{o}: the report is written as .html, .pdf or .json")
    configure_privacy(get_settings().state_path)
    t0 = time.perf_counter()
    req = Request(first, last, region, role, granularity)
    try:
        if documents is None:
            rep = _from_graph(req)
        else:
            with documents.open(encoding="utf-8") as fh:
                rows = [json.loads(line) for line in fh if line.strip()]
            rep = build_report(rows, req, documents)
    except ValueError as exc:
        fail(str(exc))
    for o in out:
        try:
            write(rep, o)
        except RuntimeError as exc:
            fail(str(exc))
        console.print(f"wrote {o}")
    console.print(f"{len(rep['key_judgements'])} key judgements in {time.perf_counter() - t0:.1f} s")  # type: ignore[arg-type]
