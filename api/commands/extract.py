"""`lantern extract INPUT... --out FILE.jsonl` — documents → entities, relations, classification."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.commands.common import console, err_console, fail


def extract(
    inputs: list[Path] = typer.Argument(..., help="Files or folders (.txt .html .jsonl .csv .pdf)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output JSONL, one line per document."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="spaCy worker processes."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per spaCy batch."),
    region: str = typer.Option("US", "--region", help="Default phone/place region (ISO country)."),
    model: str = typer.Option("en_core_web_sm", "--model", help="spaCy model package."),
    text_column: str = typer.Option("text", "--text-column", help="CSV column with the text."),
    id_column: str = typer.Option("id", "--id-column", help="CSV column with the document id."),
    title_column: str = typer.Option("title", "--title-column", help="CSV column with the title."),
    url_column: str = typer.Option("url", "--url-column", help="CSV column with the URL."),
    published_column: str = typer.Option("published", "--published-column", help="CSV date column."),
    delimiter: str = typer.Option(",", "--delimiter", help="CSV delimiter."),
    keep_boilerplate: bool = typer.Option(
        False,
        "--keep-boilerplate",
        help="Count cues in sentences a source repeats in 5+ documents (a mission statement) as evidence.",
    ),
) -> None:
    """Extract typed entities, identifiers, relations and trafficking indicators from documents.

    Example: lantern extract seed/corpus/news.jsonl --out /tmp/news.jsonl --n-process 2
    """
    from extraction.boilerplate import MIN_DOCUMENTS, Boilerplate
    from extraction.models import ReadError, SourceDocument
    from extraction.pipeline import Extractor
    from extraction.readers import CsvOptions, iter_files, read_inputs
    from extraction.region_hint import RegionHints, place_country

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        fail(f"input not found: {', '.join(missing)} — pass existing files or folders")
    options = CsvOptions(text_column, id_column, title_column, url_column, published_column, delimiter)
    file_count = sum(1 for _ in iter_files(inputs))
    if file_count == 0:
        fail("no supported files found (.txt .html .jsonl .csv .pdf)")
    out.parent.mkdir(parents=True, exist_ok=True)
    with console.status(f"Loading spaCy model {model} ..."):
        try:
            extractor = Extractor(region=region, model=model)
        except OSError as exc:
            fail(str(exc))

    boilerplate = Boilerplate()
    if not keep_boilerplate:  # a first pass: which sentences each source repeats (no spaCy, seconds)
        with console.status(f"Reading {file_count} file(s) for repeated boilerplate ..."):
            for item in read_inputs(inputs, options):
                if isinstance(item, SourceDocument):
                    boilerplate.add(item)

    read_errors: list[ReadError] = []
    entity_counts: Counter[str] = Counter()
    relation_counts: Counter[str] = Counter()
    type_counts: Counter[str] = Counter()
    set_aside = [0, 0]  # boilerplate cues, documents with any
    docs_done = 0
    docs_with_errors = 0
    hints = RegionHints(region)
    places: dict[str, tuple[str, str] | None] = {}  # per document in flight: its place evidence
    started = time.perf_counter()
    progress = Progress(
        TextColumn("[bold]Extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("docs"),
        TimeElapsedColumn(),
        console=console,
    )

    def documents() -> Iterator[SourceDocument]:
        for item in read_inputs(inputs, options):
            if isinstance(item, ReadError):
                read_errors.append(item)
                err_console.print(f"[yellow]skipped[/] {item.id}: {item.reason}")
                progress.advance(task)
            else:
                places[item.id] = place_country(item.text, region)
                yield item

    with progress, atomic_jsonl(out) as sink:
        # JSONL/CSV files hold many documents; the total grows as they are read.
        task = progress.add_task("extract", total=None if _has_multi(inputs) else file_count)
        for result in extractor.extract_many(documents(), n_process=n_process, batch_size=batch_size):
            result = boilerplate.apply(result)
            sink.write(result.to_json() + "\n")
            sink.flush()  # a finished document survives a kill (in the .partial file)
            docs_done += 1
            docs_with_errors += bool(result.errors)
            entity_counts.update(e.type for e in result.entities)
            relation_counts.update(r.type for r in result.relations)
            type_counts.update(t.type for t in result.classification.trafficking_types)
            set_aside[0] += len(result.classification.boilerplate)
            set_aside[1] += bool(result.classification.boilerplate)
            hints.add_result(places.pop(result.id, None), result.entities)
            progress.advance(task)
    elapsed = time.perf_counter() - started
    _summary(
        docs_done, read_errors, docs_with_errors, entity_counts, relation_counts, type_counts, elapsed, out
    )
    if set_aside[0]:
        console.print(
            f"Set aside {set_aside[0]} type/indicator cue(s) in {set_aside[1]} document(s): they sit in "
            f"sentences their source repeats in {MIN_DOCUMENTS}+ documents (classification.boilerplate); "
            "--keep-boilerplate counts them.",
            highlight=False,
        )
    hint = hints.message("--region")
    if hint:
        console.print(f"[yellow]{hint}[/]", highlight=False)


def partial_path(out: Path) -> Path:
    """Where `lantern extract` writes until it finishes: `<name>.partial.jsonl` beside `out`."""
    return out.with_name(f"{out.stem}.partial{out.suffix or '.jsonl'}")


@contextmanager
def atomic_jsonl(out: Path) -> Iterator[TextIO]:
    """A file that becomes `out` only when the block ends normally (written beside it, then renamed with
    `os.replace`, atomic within one folder): a run killed part-way leaves an existing `out` untouched, and
    what it finished in `partial_path(out)`, which the next run starts afresh."""
    tmp = partial_path(out)
    try:
        with tmp.open("w", encoding="utf-8") as sink:
            yield sink
            sink.flush()
            os.fsync(sink.fileno())
    except BaseException:
        err_console.print(f"[yellow]{out} left unchanged[/]; documents finished so far are in {tmp}")
        raise
    os.replace(tmp, out)


def _has_multi(inputs: list[Path]) -> bool:
    from extraction.readers import iter_files

    return any(p.suffix.lower() in {".jsonl", ".csv"} for p in iter_files(inputs))


def _summary(
    docs: int,
    read_errors: list,
    docs_with_errors: int,
    entities: Counter[str],
    relations: Counter[str],
    types: Counter[str],
    elapsed: float,
    out: Path,
) -> None:
    table = Table(title="lantern extract — summary", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents extracted", str(docs))
    table.add_row("unreadable inputs (skipped)", str(len(read_errors)))
    table.add_row("documents with stage errors", str(docs_with_errors))
    for name, count in sorted(entities.items(), key=lambda kv: -kv[1]):
        table.add_row(f"entity: {name}", str(count))
    for name, count in sorted(relations.items(), key=lambda kv: -kv[1]):
        table.add_row(f"relation: {name}", str(count))
    for name, count in sorted(types.items(), key=lambda kv: -kv[1]):
        table.add_row(f"documents classified: {name}", str(count))
    rate = docs / elapsed if elapsed else 0.0
    table.add_row("time", f"{elapsed:.1f} s ({rate:.1f} docs/s)")
    console.print(table)
    for error in read_errors[:20]:
        console.print(f"[yellow]unreadable[/] {error.id} ({error.source}): {error.reason}")
    console.print(f"Wrote {docs} lines to {out}")
