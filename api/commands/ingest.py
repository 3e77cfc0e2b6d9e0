"""`lantern ingest INPUT... [--delete ID]` — documents or extraction JSONL → Neo4j, idempotent."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.commands.common import connect, console, err_console, fail

if TYPE_CHECKING:
    from api.config import Settings
    from graph.db import Database
    from graph.ingest import IngestSummary

MAX_FAILURES_SHOWN = 20


def _summary_table(summary: object) -> Table:
    s = summary  # IngestSummary
    table = Table(title="Ingest summary", header_style="bold cyan", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("documents written (new)", s.written),  # type: ignore[attr-defined]
        ("documents replaced (changed)", s.replaced),  # type: ignore[attr-defined]
        ("documents skipped (unchanged)", s.skipped),  # type: ignore[attr-defined]
        ("documents deleted", s.deleted),  # type: ignore[attr-defined]
        ("documents failed", len(s.failed)),  # type: ignore[attr-defined]
        ("nodes written", s.nodes),  # type: ignore[attr-defined]
        ("relationships written", s.edges),  # type: ignore[attr-defined]
        ("resolution candidates (POSSIBLY_SAME_AS)", s.candidates),  # type: ignore[attr-defined]
        ("entities removed (no evidence left)", s.entities_deleted),  # type: ignore[attr-defined]
        ("contact links dropped (press lines, hotlines)", s.contact_links),  # type: ignore[attr-defined]
        ("earlier nodes merged into an office's official", s.official_merges),  # type: ignore[attr-defined]
        ("elapsed", f"{s.elapsed_s:.1f} s"),  # type: ignore[attr-defined]
    ):
        table.add_row(label, str(value))
    for reason, n in sorted(s.rejected.items()):  # type: ignore[attr-defined]
        table.add_row(f"not entities, rejected: {reason}", str(n))
    return table


def _report_failures(summary: object) -> None:
    failed = summary.failed  # type: ignore[attr-defined]
    for f in failed[:MAX_FAILURES_SHOWN]:
        err_console.print(f"[yellow]failed[/] {f.id}: {f.reason}")
    if len(failed) > MAX_FAILURES_SHOWN:
        err_console.print(f"... and {len(failed) - MAX_FAILURES_SHOWN} more (use --json for the full list)")


def _warn_outdated_search_index(db: Database) -> None:
    """An index created by an older Lantern does not read what this one writes: say so before loading."""
    from ontology.schema import outdated_fulltext_warnings

    for warning in outdated_fulltext_warnings(db):
        err_console.print(f"[yellow]warning[/] {warning}")


def interrupted_message(error: Exception, summary: IngestSummary) -> str:
    """One paragraph for a run that lost Neo4j: what happened, what was committed, what to do."""
    s = summary  # what the batches committed before the connection was lost
    return (
        f"{error} Committed before that: {s.written + s.replaced} document(s) in {s.batches} batch(es)"
        f" ({s.written} new, {s.replaced} replaced; {s.skipped} skipped as unchanged,"
        f" {len(s.failed)} failed)."
        " The batch in flight was rolled back, or, if the connection dropped during its commit, committed"
        " whole: either way the graph holds only complete documents."
        " When Neo4j is back, run the same command again: it is safe to re-run; documents already in the"
        " graph are skipped and the rest are written."
    )


def ingest(
    inputs: list[Path] = typer.Argument(
        None, help="Files/folders: extraction JSONL, or documents to extract."
    ),
    delete: list[str] = typer.Option(None, "--delete", help="Remove this document id (repeatable)."),
    batch_size: int = typer.Option(0, "--batch-size", min=0, help="Documents per transaction (0: settings)."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="spaCy worker processes for raw documents."),
    region: str = typer.Option("", "--region", help="Default phone region (ISO country; '' = settings)."),
    force: bool = typer.Option(False, "--force", help="Rewrite documents even when their hash is unchanged."),
    keep_boilerplate: bool = typer.Option(
        False,
        "--keep-boilerplate",
        help="Count cues in sentences a source repeats in 5+ documents (a mission statement) as evidence.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Load documents (extracted on the fly) or `lantern extract` JSONL into Neo4j.

    Re-running is safe: unchanged documents are skipped by content hash, changed ones replace only
    their own mentions and evidence, and a killed run can simply be started again.

    Example: lantern ingest seed/corpus --batch-size 500   |   lantern ingest --delete seed-0006
    """
    from api.config import get_settings
    from graph.db import GraphConnectionLostError, connection_lost, is_connection_lost
    from graph.ingest import IngestSummary
    from graph.ingest.summary import IngestInterruptedError

    if not inputs and not delete:
        fail("give INPUT files/folders to ingest or --delete ID. Example: lantern ingest seed/corpus")
    missing = [str(p) for p in inputs or [] if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}. Check the path (folders are read recursively).")
    settings = get_settings()
    db = connect(settings)
    summary = IngestSummary()
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # retries are bounded and summed up below, not logged
    try:
        _run(
            db, inputs, delete, summary, settings, batch_size, n_process, region, force, as_json,
            keep_boilerplate,
        )  # fmt: skip
    except IngestInterruptedError as exc:
        summary.add(exc.summary)
        if as_json:
            console.print_json(json.dumps({**summary.as_dict(), "interrupted": str(exc)}))
        fail(interrupted_message(exc, summary))
    except Exception as exc:
        if not is_connection_lost(exc) and not isinstance(exc, GraphConnectionLostError):
            raise
        lost = exc if isinstance(exc, GraphConnectionLostError) else connection_lost(settings, exc)
        fail(interrupted_message(lost, summary))
    if as_json:
        console.print_json(json.dumps(summary.as_dict()))
        return
    console.print(_summary_table(summary))
    _report_failures(summary)
    if summary.region_hint:
        console.print(f"[yellow]{summary.region_hint}[/]", highlight=False)
    if summary.candidates:
        console.print("Review resolution candidates with: lantern resolve review")


def _run(
    db: Database,
    inputs: list[Path] | None,
    delete: list[str] | None,
    summary: IngestSummary,
    settings: Settings,
    batch_size: int,
    n_process: int,
    region: str,
    force: bool,
    as_json: bool,
    keep_boilerplate: bool = False,
) -> None:
    from graph.ingest import delete_documents, ingest_paths
    from graph.ingest.paths import count_documents

    with db:
        if inputs:
            _warn_outdated_search_index(db)
        if delete:
            summary.add(delete_documents(db, list(delete)))
        if inputs:
            total = count_documents(inputs)
            with Progress(
                TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=err_console, transient=as_json, disable=as_json,
            ) as bar:  # fmt: skip
                task = bar.add_task("ingest", total=total)
                from api.watch import enable_for_cli

                enable_for_cli(settings)  # alerts for watched items the new documents touch
                result = ingest_paths(
                    db,
                    inputs,
                    n_process=n_process,
                    batch_size=batch_size or settings.ingest_batch_size,
                    progress=lambda n: bar.advance(task, n),
                    region=region or settings.default_phone_region,
                    force=force,
                    keep_boilerplate=keep_boilerplate,
                )
            summary.add(result)
            summary.elapsed_s += result.elapsed_s
