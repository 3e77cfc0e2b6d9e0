"""Removing documents: `lantern ingest --delete`, and the first phase of a forced re-ingest."""

from __future__ import annotations

import time
from collections.abc import Iterable

from graph.db import Database, FakeRunner
from graph.ingest.summary import IngestSummary
from graph.ingest.tx import CatalogTx, in_transaction
from graph.ingest.writer import remove_documents


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
