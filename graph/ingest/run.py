"""`ingest_results`: batches, fast unchanged-skip, per-document failures (removal: ingest/delete.py)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager, nullcontext
from functools import partial

from neo4j.exceptions import Neo4jError

from extraction.models import ExtractionResult
from graph.config import GraphSettings
from graph.db import Database, FakeRunner, connection_lost, is_connection_lost
from graph.ingest import hooks
from graph.ingest.delete import count_as_replaced, forget_documents
from graph.ingest.ontology_view import OntologyView, default_view
from graph.ingest.pipeline import Progress, WriteBehind
from graph.ingest.prepare import DocumentError, PreparedDoc, content_hash, prepare
from graph.ingest.quiet_gc import quiet_gc as quiet_gc_ctx
from graph.ingest.quiet_gc import quiet_gc_setting
from graph.ingest.summary import Failure, IngestInterruptedError, IngestSummary
from graph.ingest.tx import CatalogTx, in_transaction
from graph.ingest.writer import LookaheadSlot, Plan, write_batch

__all__ = ["Progress", "batches", "ingest_results"]


def batches(results: Iterable[ExtractionResult], size: int) -> Iterator[list[ExtractionResult]]:
    """Chunks of `size`; a document id seen twice starts a new chunk (the later version wins).

    (Smaller first chunks — 32, 64, ... — to start the database earlier were tried and measured: every
    extra transaction costs more than the wait it saves; 0.37x vs 0.74-0.79x of the bare loop.)
    """
    chunk: list[ExtractionResult] = []
    ids: set[str] = set()
    for r in results:
        if len(chunk) >= size or r.id in ids:
            yield chunk
            chunk, ids = [], set()
        chunk.append(r)
        ids.add(r.id)
    if chunk:
        yield chunk


def _write(
    db: Database | FakeRunner,
    docs: list[PreparedDoc],
    existing: set[str],
    onto: OntologyView,
    out: IngestSummary,
    redirects: dict[str, str],
    plan: Plan | None = None,
    slot: LookaheadSlot | None = None,
) -> None:
    symmetric = onto.symmetric_types()
    replaced = [d.id for d in docs if d.id in existing]

    def work(tx: CatalogTx):
        return write_batch(tx, docs, replaced, symmetric, redirects, plan, slot)

    try:
        result, _ = in_transaction(db, work)
    except (Neo4jError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        if is_connection_lost(exc):  # not the documents' fault: one by one would retry each in turn
            raise
        if len(docs) == 1:
            out.fail(docs[0].id, f"write failed: {exc}")
            return
        for doc in docs:  # isolate the failing document(s); the others are written one by one
            _write(db, [doc], existing, onto, out, redirects)
        return
    out.batches += 1
    if slot is not None:
        slot.commit()
    if plan is not None and not replaced:  # write_batch used the plan
        out.resolved_ahead += 1
    for doc in docs:
        if doc.id in existing:
            out.replaced += 1
        else:
            out.written += 1
        for err in doc.result.errors:
            out.warnings.append(Failure(doc.id, f"{err.stage}: {err.reason}"))
    out.nodes += result.nodes
    out.edges += result.edges
    out.rows += result.rows
    out.candidates += result.candidates
    out.official_merges += result.official_merges
    out.entities_deleted += len(result.entities_deleted)


def ingest_results(
    db: Database | FakeRunner,
    results: Iterable[ExtractionResult],
    *,
    batch_size: int = 500,
    progress: Progress | None = None,
    onto: OntologyView | None = None,
    region: str = "US",
    force: bool = False,
    source_hashes: dict[str, str] | None = None,
    quiet_gc: bool | None = None,
    write_behind: bool | None = None,
) -> IngestSummary:
    """Write extraction results to the graph in batches of `batch_size` documents (one transaction each).

    Unchanged documents (same content hash) are skipped after one read per batch; changed ones replace
    their own mentions and evidence; a document that fails validation or writing is reported in
    `summary.failed` with its id and reason and the run goes on. `force=True` rewrites unchanged ones.
    `quiet_gc` (default: the `ingest_quiet_gc` setting, on) tunes the garbage collector for the run
    (graph/ingest/quiet_gc.py); a long-lived process serving other work (the API) passes False.
    `write_behind` (default: the `ingest_write_behind` setting, on) overlaps each batch's write with the
    preparation of the next (graph/ingest/pipeline.py); off, batches are written one after the other.

    `force=True` removes every given document from the graph first (`forget_documents`) and then writes
    them as new ones: rewriting a document in place would resolve its people against a graph that already
    holds the LATER documents' namesakes (other keys, other POSSIBLY_SAME_AS candidates than a fresh
    ingest). The results are held in memory for that (the ids are needed before the first write).
    """
    if force:
        results = list(results)
        removed = forget_documents(db, [r.id for r in results], max(1, batch_size))
        summary = ingest_results(
            db, results, batch_size=batch_size, progress=progress, onto=onto, region=region,
            source_hashes=source_hashes, quiet_gc=quiet_gc, write_behind=write_behind,
        )  # fmt: skip
        count_as_replaced(summary, removed)
        return summary
    view = onto or default_view()
    summary = IngestSummary()
    started = time.perf_counter()
    redirects = {old: row["id"] for row in db.read("resolve/merge_redirects") for old in row["merged_ids"]}
    quiet = quiet_gc_setting(db) if quiet_gc is None else quiet_gc
    written: list[str] = []  # ids handed to the writer, for the after-ingest hooks
    behind = _write_behind_setting(db) if write_behind is None else write_behind
    writer = WriteBehind(
        db, partial(_write_batch_summary, onto=view), summary, enabled=behind,
        symmetric=view.symmetric_types(), redirects=redirects, progress=progress,
    )  # fmt: skip
    with (
        _interrupted(db, summary, writer.uncounted, started),
        quiet_gc_ctx() if quiet else nullcontext(),
        writer,
    ):
        for chunk in batches(results, max(1, batch_size)):
            ids = {r.id for r in chunk}
            if writer.overlaps(ids):
                writer.settle()  # the same document in consecutive batches: read its hash after the write
            known = {
                row["id"]: row["content_hash"] for row in db.read("ingest/document_hashes", ids=sorted(ids))
            }
            # While no batch is being written (the first), hashing here would hold up the first statement; a
            # document the graph does not have needs no hash to be skipped, so the writer computes it later,
            # while the server writes the mentions. Later batches are hashed here, beside the previous write.
            local, todo = _prepare_batch(chunk, known, view, region, source_hashes, hash_new=writer.busy)
            written += [d.id for d in todo]
            writer.submit(todo, set(known), local, ids, len(chunk))
        writer.settle()
    summary.elapsed_s = time.perf_counter() - started
    failed = {f.id for f in summary.failed}
    hooks.notify(db, [i for i in dict.fromkeys(written) if i not in failed])
    return summary


def _prepare_batch(
    chunk: list[ExtractionResult],
    known: dict[str, str],
    onto: OntologyView,
    region: str,
    source_hashes: dict[str, str] | None,
    *,
    hash_new: bool,
) -> tuple[IngestSummary, list[PreparedDoc]]:
    """Skip unchanged documents, validate the others; a document that fails is reported, not raised."""
    local = IngestSummary()
    todo: list[PreparedDoc] = []
    for r in chunk:
        doc_hash = content_hash(r) if r.id in known or hash_new else None
        if doc_hash is not None and known.get(r.id) == doc_hash:
            local.skipped += 1
            continue
        try:
            doc = prepare(r, onto, region, doc_hash, hash_now=False)
        except DocumentError as exc:
            local.fail(r.id, str(exc))
            continue
        except Exception as exc:  # a bug on one odd document must not stop the run
            local.fail(r.id, f"internal error while preparing: {exc.__class__.__name__}: {exc}")
            continue
        local.reject(doc.rejected)
        local.contact_links += doc.contact_links
        if source_hashes:
            doc.source_hash = source_hashes.pop(r.id, None)
        todo.append(doc)
    return local, todo


def _write_behind_setting(db: Database | FakeRunner) -> bool:
    settings = getattr(db, "settings", None)
    return settings.ingest_write_behind if isinstance(settings, GraphSettings) else True


@contextmanager
def _interrupted(
    db: Database | FakeRunner,
    summary: IngestSummary,
    uncounted: set[Future[IngestSummary]],
    started: float,
) -> Iterator[None]:
    """Turn a lost connection into `IngestInterruptedError` carrying what was committed: the batches counted
    so far, plus a write that committed while the reading thread was failing (the pool has waited for it)."""
    try:
        yield
    except Exception as exc:
        if isinstance(db, FakeRunner) or not is_connection_lost(exc):
            raise
        for future in uncounted:
            if future.done() and future.exception() is None:
                summary.add(future.result())
        summary.elapsed_s = time.perf_counter() - started
        raise IngestInterruptedError(connection_lost(db.settings, exc), summary) from exc


def _write_batch_summary(
    db: Database | FakeRunner,
    todo: list[PreparedDoc],
    existing: set[str],
    out: IngestSummary,
    redirects: dict[str, str],
    plan: Plan | None = None,
    slot: LookaheadSlot | None = None,
    *,
    onto: OntologyView,
) -> IngestSummary:
    if todo:
        _write(db, todo, existing, onto, out, redirects, plan, slot)
    return out
