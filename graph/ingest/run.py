"""`ingest_results` and `delete_document`: batching, fast unchanged-skip, per-document failures."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext

from neo4j.exceptions import Neo4jError

from extraction.models import ExtractionResult
from graph.config import GraphSettings
from graph.db import Database, FakeRunner, connection_lost, is_connection_lost
from graph.ingest import hooks
from graph.ingest.ontology_view import OntologyView, default_view
from graph.ingest.prepare import DocumentError, PreparedDoc, content_hash, prepare
from graph.ingest.summary import Failure, IngestInterruptedError, IngestSummary
from graph.ingest.tx import CatalogTx, in_transaction
from graph.ingest.writer import (
    Context,
    Lookahead,
    LookaheadSlot,
    Plan,
    plan_batch,
    remove_documents,
    write_batch,
)

Progress = Callable[[int], None]
"""Called with the number of documents just finished (written, skipped or failed)."""


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
    out.entities_deleted += len(result.entities_deleted)


GC_YOUNG_THRESHOLD = 50_000
"""Allocations between young-generation collections during a run (Python's default: 700)."""
_gc_lock = threading.Lock()
_gc_runs = 0
_gc_saved: tuple[int, ...] = ()


def _quiet_gc_setting(db: Database | FakeRunner) -> bool:
    settings = getattr(db, "settings", None)
    return settings.ingest_quiet_gc if isinstance(settings, GraphSettings) else True


@contextmanager
def _quiet_gc() -> Iterator[None]:
    """Keep the cyclic garbage collector out of the way while a run allocates many short-lived rows.

    Optimisation record: rule — it changes only GC timing, never what is written (every ingest test
    runs with it); guard — tests/unit/test_ingest_run.py (restored after nested and failing runs);
    figure — below; switch — `LANTERN_INGEST_QUIET_GC=0`, and the API's ingest mutation never uses it
    (interpreter-wide GC settings stay untouched in the API process).

    - Objects alive before the run are frozen: every full collection would otherwise walk the caller's
      whole heap as well (the input documents, a server's caches). Measured on the bench corpus (537
      documents, no database): validation, resolution and row building 0.60 -> 0.40 s.
    - The young generation is collected every 50,000 allocations instead of 700: a batch's rows live
      until it is written, so the default ran ~140 collections per bench round (≈ 0.05 s, 1 with this).
      Rows are freed by reference counting anyway; what the collector finds is the driver's few cycles.
    Nested or concurrent runs (an API process) share one setting: the last run to end restores both.
    """
    global _gc_runs, _gc_saved
    with _gc_lock:
        if _gc_runs == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(max(GC_YOUNG_THRESHOLD, _gc_saved[0]), *_gc_saved[1:])
            gc.freeze()
        _gc_runs += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_runs -= 1
            if _gc_runs == 0:
                gc.set_threshold(*_gc_saved)
                gc.unfreeze()


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
) -> IngestSummary:
    """Write extraction results to the graph in batches of `batch_size` documents (one transaction each).

    Unchanged documents (same content hash) are skipped after one read per batch; changed ones replace
    their own mentions and evidence; a document that fails validation or writing is reported in
    `summary.failed` with its id and reason and the run goes on. `force=True` rewrites unchanged ones.
    `quiet_gc` (default: the `ingest_quiet_gc` setting, on) tunes the garbage collector for the run
    (`_quiet_gc`); a long-lived process serving other work (the API) passes False.

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
            source_hashes=source_hashes, quiet_gc=quiet_gc,
        )  # fmt: skip
        count_as_replaced(summary, removed)
        return summary
    onto = onto or default_view()
    summary = IngestSummary()
    started = time.perf_counter()
    redirects = {old: row["id"] for row in db.read("resolve/merge_redirects") for old in row["merged_ids"]}
    symmetric = onto.symmetric_types()
    # One write in flight while the next batch is read and prepared (pure Python) — writes stay strictly
    # sequential, so resolution sees exactly the graph of the previous batches. A batch of new documents
    # is also resolved and its rows built here, while the previous batch commits (`Lookahead`).
    quiet = _quiet_gc_setting(db) if quiet_gc is None else quiet_gc
    uncounted: set[Future[IngestSummary]] = set()  # writes submitted and not yet added to `summary`
    with (
        _interrupted(db, summary, uncounted, started),  # first in, last out: after the pool has waited
        _quiet_gc() if quiet else nullcontext(),
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-write") as pool,
    ):
        pending: tuple[Future[IngestSummary], set[str], int, LookaheadSlot] | None = None
        written: list[str] = []  # ids handed to the writer, for the after-ingest hooks

        def finish() -> None:
            nonlocal pending
            if pending is not None:
                future, _, count, _ = pending
                summary.add(future.result())
                uncounted.discard(future)
                pending = None
                if progress:
                    progress(count)

        for chunk in batches(results, max(1, batch_size)):
            ids = {r.id for r in chunk}
            if pending is not None and ids & pending[1]:
                finish()  # the same document in consecutive batches: read its hash after the write
            rows = db.read("ingest/document_hashes", ids=sorted(ids))
            known = {row["id"]: row["content_hash"] for row in rows}
            local = IngestSummary()
            todo: list[PreparedDoc] = []
            # While no batch is being written (the first), hashing here would hold up the first statement; a
            # document the graph does not have needs no hash to be skipped, so the writer computes it later,
            # while the server writes the mentions. Later batches are hashed here, beside the previous write.
            hash_later = pending is None
            for r in chunk:
                doc_hash = content_hash(r) if r.id in known or not hash_later else None
                if not force and doc_hash is not None and known.get(r.id) == doc_hash:
                    local.skipped += 1
                    continue
                try:
                    todo.append(prepare(r, onto, region, doc_hash, hash_now=False))
                    local.reject(todo[-1].rejected)
                    local.contact_links += todo[-1].contact_links
                    if source_hashes:
                        todo[-1].source_hash = source_hashes.pop(r.id, None)
                except DocumentError as exc:
                    local.fail(r.id, str(exc))
                except Exception as exc:  # a bug on one odd document must not stop the run
                    local.fail(r.id, f"internal error while preparing: {exc.__class__.__name__}: {exc}")
            lookahead, plan = None, None
            if pending is not None and todo and not any(d.id in known for d in todo):  # nothing to strip
                lookahead = Lookahead(todo, redirects)
                if pending[3].offer(lookahead):
                    pending[0].add_done_callback(_wake(lookahead))  # the write failed before its read
                    lookahead.ready.wait()
                    if lookahead.latest is not None:
                        plan = _plan(todo, lookahead.latest, symmetric, redirects)
            finish()
            if plan is not None and (lookahead is None or plan.context is not lookahead.committed):
                plan = None  # read by an attempt that did not commit: the writer reads its own context
            written += [d.id for d in todo]
            slot = LookaheadSlot()
            pending = (
                pool.submit(_write_batch_summary, db, todo, set(known), onto, local, redirects, plan, slot),
                ids,
                len(chunk),
                slot,
            )
            uncounted.add(pending[0])
        finish()
    summary.elapsed_s = time.perf_counter() - started
    failed = {f.id for f in summary.failed}
    hooks.notify(db, [i for i in dict.fromkeys(written) if i not in failed])
    return summary


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


def _wake(lookahead: Lookahead) -> Callable[[Future[IngestSummary]], None]:
    return lambda _: lookahead.ready.set()


def _plan(
    todo: list[PreparedDoc], context: Context, symmetric: set[str], redirects: dict[str, str]
) -> Plan | None:
    try:
        return plan_batch(todo, context, symmetric, redirects)
    except Exception:  # e.g. a ref cycle: the writer meets it again and isolates the document
        return None


def _write_batch_summary(
    db: Database | FakeRunner,
    todo: list[PreparedDoc],
    existing: set[str],
    onto: OntologyView,
    out: IngestSummary,
    redirects: dict[str, str],
    plan: Plan | None = None,
    slot: LookaheadSlot | None = None,
) -> IngestSummary:
    if todo:
        _write(db, todo, existing, onto, out, redirects, plan, slot)
    return out


def _delete(db: Database | FakeRunner, doc_ids: list[str]) -> tuple[set[str], list[str]]:
    """Remove the documents the graph holds (one transaction); (their ids, entities deleted with them)."""
    found = {row["id"] for row in db.read("ingest/document_hashes", ids=doc_ids)}
    ids = sorted(found)
    if not ids:
        return found, []

    def work(tx: CatalogTx) -> list[str]:
        survivors, gone = remove_documents(tx, ids)
        if survivors:
            tx.run("ingest/refresh_entities", ids=survivors)
        tx.run("ingest/delete_documents", doc_ids=ids)
        return gone

    return found, in_transaction(db, work)


def delete_documents(db: Database | FakeRunner, doc_ids: list[str]) -> IngestSummary:
    """Remove documents, their evidence and mentions, and every entity no other document mentions."""
    summary = IngestSummary()
    started = time.perf_counter()
    found, gone = _delete(db, doc_ids)
    for missing in sorted(set(doc_ids) - found):
        summary.fail(missing, "no document with this id in the graph (see `lantern queries run library/...`)")
    summary.deleted = len(found)
    summary.entities_deleted = len(gone)
    summary.elapsed_s = time.perf_counter() - started
    return summary


def forget_documents(db: Database | FakeRunner, doc_ids: Iterable[str], batch_size: int = 500) -> set[str]:
    """Before a forced re-ingest: remove these documents (the ones the graph holds), `batch_size` per
    transaction; returns the ids removed. Afterwards the graph is what it would be had they never been
    ingested, so writing them again resolves exactly as a fresh ingest does. A run killed part-way leaves
    some documents removed: the next `lantern ingest` (with or without --force) writes them again."""
    removed: set[str] = set()
    ids = sorted(set(doc_ids))
    for i in range(0, len(ids), max(1, batch_size)):
        removed |= _delete(db, ids[i : i + batch_size])[0]
    return removed


def count_as_replaced(summary: IngestSummary, removed: set[str]) -> None:
    """Documents removed by `forget_documents` and written again count as replaced, not new."""
    again = len(removed - {f.id for f in summary.failed})
    summary.replaced += again
    summary.written -= again


def delete_document(db: Database | FakeRunner, doc_id: str) -> IngestSummary:
    return delete_documents(db, [doc_id])
