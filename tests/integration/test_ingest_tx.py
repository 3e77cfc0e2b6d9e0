"""`CatalogTx.send` on the real driver: statements run in order without the caller waiting for them."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from neo4j.exceptions import Neo4jError

from graph.db import Database
from graph.ingest import ingest_results
from graph.ingest.ontology_view import default_view
from graph.ingest.prepare import prepare
from graph.ingest.rows import document_row
from graph.ingest.tx import CatalogTx, in_transaction
from ontology.schema import apply_schema
from tests.fixtures.ingest_world import sample_world


def _doc_rows() -> list[dict[str, Any]]:
    return [document_row(prepare(doc, default_view())) for doc in sample_world()[:2]]


def test_sent_statements_run_in_order_and_a_read_keeps_its_own_records(db: Database) -> None:
    rows = _doc_rows()
    ids = sorted(r["id"] for r in rows)

    def work(tx: CatalogTx) -> tuple[list[str], list[str]]:
        before = tx.send("ingest/document_hashes", ids=ids)
        tx.send("ingest/merge_documents", rows=rows)
        after = tx.send("ingest/document_hashes", ids=ids)
        tx.send("ingest/merge_documents", rows=rows)  # read `after` only once another statement is in flight
        return [r["id"] for r in before.rows()], sorted(r["id"] for r in after.rows())

    before, after = in_transaction(db, work)
    assert before == []  # ran before the write sent after it
    assert after == ids  # ran after it, in the same transaction
    committed = db.read("ingest/document_hashes", ids=ids)
    assert sorted(r["id"] for r in committed) == ids


def test_a_failing_statement_nobody_reads_fails_the_whole_transaction(db: Database) -> None:
    rows = _doc_rows()
    broken = [{**rows[0], "id": None}]  # MERGE on a null key: refused by the server

    def work(tx: CatalogTx) -> None:
        tx.send("ingest/merge_documents", rows=rows[1:])
        tx.send("ingest/merge_documents", rows=broken)

    with pytest.raises(Neo4jError):
        in_transaction(db, work)
    assert db.read("ingest/document_hashes", ids=[r["id"] for r in rows]) == []


def test_python_error_between_sends_rolls_back_and_the_connection_stays_usable(db: Database) -> None:
    rows = _doc_rows()

    def work(tx: CatalogTx) -> None:
        tx.send("ingest/merge_documents", rows=rows)  # still executing when the error below is raised
        raise KeyError("a bug while building the next rows")

    for _ in range(3):  # the pooled connection must come back clean every time
        with pytest.raises(KeyError):
            in_transaction(db, work)
    assert db.read("ingest/document_hashes", ids=[r["id"] for r in rows]) == []
    in_transaction(db, lambda tx: tx.send("ingest/merge_documents", rows=rows))
    assert len(db.read("ingest/document_hashes", ids=[r["id"] for r in rows])) == len(rows)


def test_with_driver_debug_logging_on_no_row_reaches_the_log(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    apply_schema(db)
    docs = sample_world()
    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        summary = ingest_results(db, docs)
    assert summary.written == len(docs) and not summary.failed
    runs = [r.getMessage() for r in caplog.records if "C: RUN" in r.getMessage()]
    assert any("UNWIND $rows" in m and "rows>" in m for m in runs)  # statements logged, rows as a count
    assert "Viktor Petrov" in docs[0].text and not any("Viktor Petrov" in m for m in runs)
