"""`ingest_paths`: files and folders → extraction results → the graph.

Extraction JSONL (`lantern extract --out`: lines with "entities") is read as is, never re-extracted;
every other input (txt, html, pdf, csv, document JSONL) goes through `extraction.pipeline.Extractor`.
Unreadable files and bad JSONL lines are reported with their id and reason; the run goes on.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from extraction.models import ExtractionResult, ReadError, SourceDocument
from extraction.region_hint import RegionHints, place_country

if TYPE_CHECKING:
    from extraction.boilerplate import Boilerplate
from graph.db import Database, FakeRunner
from graph.ingest.delete import count_as_replaced, forget_documents
from graph.ingest.run import Progress, ingest_results
from graph.ingest.summary import IngestSummary


def is_extraction_jsonl(path: Path) -> bool:
    """True for a JSONL file whose first record has extraction output ("entities")."""
    if path.suffix.lower() != ".jsonl":
        return False
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(first, dict) and "entities" in first
    return False


def read_extraction_jsonl(path: Path, failed: IngestSummary) -> Iterator[ExtractionResult]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield ExtractionResult.model_validate_json(line)
            except ValidationError as exc:
                try:
                    doc_id = str(json.loads(line).get("id") or f"{path.name}:{n}")
                except (json.JSONDecodeError, AttributeError):
                    doc_id = f"{path.name}:{n}"
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                failed.fail(
                    doc_id, f"{path.name} line {n}: invalid extraction record ({where}: {first['msg']})"
                )


def source_hash(doc: SourceDocument, extractor_version: str) -> str:
    """sha256 of a raw document and the extractor (version, model, region) that would read it."""
    payload = doc.model_dump_json() + "|" + extractor_version
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def split_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """(extraction JSONL files, other inputs) in sorted order, folders expanded."""
    from extraction.readers import iter_files

    extracted: list[Path] = []
    raw: list[Path] = []
    for p in iter_files(paths):
        (extracted if p.exists() and is_extraction_jsonl(p) else raw).append(p)
    return extracted, raw


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """Rough total for the progress bar: JSONL/CSV lines, one per other file."""
    from extraction.readers import iter_files

    total = 0
    for p in iter_files(paths):
        if not p.exists():
            continue
        if p.suffix.lower() in (".jsonl", ".csv"):
            with p.open("rb") as fh:
                total += sum(1 for line in fh if line.strip()) - (1 if p.suffix.lower() == ".csv" else 0)
        else:
            total += 1
    return total


def ingest_paths(
    db: Database | FakeRunner,
    paths: Iterable[str | Path],
    *,
    extractor: Any = None,
    n_process: int = 1,
    batch_size: int = 500,
    progress: Progress | None = None,
    region: str = "US",
    force: bool = False,
    keep_boilerplate: bool = False,
) -> IngestSummary:
    """Ingest files/folders: extraction JSONL directly, everything else through the extractor.

    Raw inputs are read twice: first for the sentences each source repeats (extraction/boilerplate.py;
    cues inside them are set aside unless `keep_boilerplate`), then to extract. A document is
    re-extracted when its text, the extractor or the boilerplate sentences it holds changed.

    `force=True`: the documents of the inputs are removed from the graph first (`forget_documents`; the
    ids come from the same first read as the boilerplate counts) and then written as new ones — see
    `ingest_results`."""
    extracted, raw = split_inputs(paths)
    problems = IngestSummary()
    boilerplate, raw_ids = _read_ahead(raw, force, keep_boilerplate)
    removed = forget_documents(db, _input_ids(extracted, raw_ids), batch_size) if force else set()

    source_hashes: dict[str, str] = {}
    reg = getattr(extractor, "region", region)
    hints = RegionHints(reg)
    places: dict[str, tuple[str, str] | None] = {}  # documents in flight: their place evidence

    def fresh(docs: list[SourceDocument], version: str) -> Iterator[SourceDocument]:
        """Documents whose raw text/metadata changed since their last ingest (one read per chunk)."""
        if not docs:
            return
        known = {
            r["id"]: r["source_hash"] for r in db.read("ingest/document_hashes", ids=[d.id for d in docs])
        }
        for doc in docs:
            held = boilerplate.held(doc) if boilerplate else ""
            digest = source_hash(doc, version + held)
            if known.get(doc.id) == digest:
                problems.skipped += 1
                if progress:
                    progress(1)
                continue
            source_hashes[doc.id] = digest
            places[doc.id] = place_country(doc.text, reg)
            yield doc

    def sources(version: str) -> Iterator[SourceDocument]:
        from extraction.readers import read_inputs

        chunk: list[SourceDocument] = []
        for item in read_inputs(raw):
            if isinstance(item, ReadError):
                problems.fail(item.id, f"{item.source or ''}: {item.reason}".lstrip(": "))
                if progress:
                    progress(1)
                continue
            chunk.append(item)
            if len(chunk) >= batch_size:
                yield from fresh(chunk, version)
                chunk = []
        yield from fresh(chunk, version)

    def results() -> Iterator[ExtractionResult]:
        for path in extracted:
            yield from read_extraction_jsonl(path, problems)
        if raw:
            from extraction.pipeline import DEFAULT_MODEL, EXTRACTOR_VERSION

            ex = extractor
            model = getattr(ex, "model", DEFAULT_MODEL)
            version = f"{EXTRACTOR_VERSION}|{model}|{reg}"
            todo = sources(version)
            first = next(todo, None)  # load the spaCy model only when something changed
            if first is None:
                return
            if ex is None:
                from extraction.pipeline import Extractor

                ex = Extractor(region=region)
            for result in ex.extract_many(itertools.chain([first], todo), n_process=n_process):
                if boilerplate:
                    result = boilerplate.apply(result)
                hints.add_result(places.pop(result.id, None), result.entities)
                yield result

    summary = ingest_results(
        db, results(), batch_size=batch_size, progress=progress, region=region, source_hashes=source_hashes,
    )  # fmt: skip
    summary.region_hint = hints.message("--region")
    summary.failed = problems.failed + summary.failed
    summary.skipped += problems.skipped
    count_as_replaced(summary, removed)
    return summary


def _read_ahead(raw: list[Path], force: bool, keep_boilerplate: bool) -> tuple[Boilerplate | None, list[str]]:
    """One read of the raw inputs before extracting, for what needs them all first: the sentences each
    source repeats (unless `keep_boilerplate`) and, with `force`, the ids to remove. Extraction JSONL
    alone needs neither (and loads no spaCy)."""
    if not raw or (keep_boilerplate and not force):
        return None, []
    from extraction.boilerplate import Boilerplate
    from extraction.readers import read_inputs

    boilerplate = None if keep_boilerplate else Boilerplate()
    ids: list[str] = []
    for item in read_inputs(raw):
        if isinstance(item, SourceDocument):
            ids.append(item.id)
            if boilerplate is not None:
                boilerplate.add(item)
    return boilerplate, ids


def _input_ids(extracted: list[Path], raw_ids: list[str]) -> Iterator[str]:
    """Ids of every readable document of the inputs (what `ingest_paths` will write)."""
    for path in extracted:
        for result in read_extraction_jsonl(path, IngestSummary()):
            yield result.id
    yield from raw_ids
