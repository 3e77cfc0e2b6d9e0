"""The lookahead: a batch of new documents is resolved against a context read at the end of the previous
batch's transaction, and its rows are built while that batch commits (graph.ingest.writer.Lookahead).
It must write exactly what the batch would write reading its own context, and never use a context from a
transaction that did not commit."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from neo4j.exceptions import TransientError

import graph.ingest.run as run
from graph.db import FakeRunner
from graph.ingest import ingest_results
from graph.ingest.ontology_view import default_view
from graph.ingest.prepare import PreparedDoc, prepare
from graph.ingest.tx import in_transaction
from graph.ingest.writer import Lookahead, LookaheadSlot, plan_batch, write_batch
from tests.fixtures.ingest_world import sample_world

READS = ("ingest/person_context", "ingest/key_family", "ingest/document_hashes", "resolve/merge_redirects",
         "ingest/office_officials", "ingest/untitled_official_forms")  # fmt: skip


def _people(params: dict[str, Any]) -> list[dict[str, Any]]:
    # every name already has two nodes in the graph; #2 is linked to a place no document mentions
    return [
        {"base": b, "ids": [b, f"{b}#2"], "linked": [[f"{b}#2", ["location:nowhere"]]]}
        for b in params["bases"]
    ]


def _families(params: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"base": b, "ids": [f"{b}@elsewhere"]} for b in params["bases"]]


def _graph(**extra: Any) -> FakeRunner:
    return FakeRunner(results={"ingest/person_context": _people, "ingest/key_family": _families, **extra})


def _writes(runner: FakeRunner) -> list[tuple[str, dict[str, Any]]]:
    return [(name, params) for name, _, params in runner.calls if name not in READS]


def _prepared() -> list[PreparedDoc]:
    onto = default_view()
    return [prepare(r, onto) for r in sample_world()]


def test_a_plan_writes_what_the_batch_writes_reading_its_own_context() -> None:
    symmetric = default_view().symmetric_types()
    own = _graph()
    in_transaction(own, lambda tx: write_batch(tx, _prepared(), [], symmetric))
    docs = _prepared()
    lookahead = Lookahead(docs)
    in_transaction(_graph(), lookahead.read)
    assert lookahead.latest is not None and lookahead.ready.is_set()
    plan = plan_batch(docs, lookahead.latest, symmetric)
    assert plan is not None
    planned = _graph()
    in_transaction(planned, lambda tx: write_batch(tx, docs, [], symmetric, plan=plan))
    assert _writes(planned) == _writes(own)
    assert [n for n, _, _ in planned.calls if n in READS] == []  # nothing read inside the planned batch
    cands = [p["rows"] for n, p in _writes(own) if n == "ingest/possibly_same_as"]
    assert cands and any("elsewhere" in r["target"] for r in cands[0])  # people and businesses resolved


def _ingest_in_two_batches(monkeypatch: pytest.MonkeyPatch, lookahead: bool) -> tuple[FakeRunner, Any]:
    """sample_world in batches of two; batch 1's last statement waits until batch 2 is offered (or not)."""
    offered = threading.Event()
    offer = LookaheadSlot.offer

    def offer_or_refuse(slot: LookaheadSlot, la: Lookahead) -> bool:
        ok = lookahead and offer(slot, la)
        offered.set()
        return ok

    def hashes(params: dict[str, Any]) -> list[dict[str, Any]]:
        offered.wait(10)  # the first batch stores its hashes last: hold it until the reader has batch 2
        return []

    monkeypatch.setattr(LookaheadSlot, "offer", offer_or_refuse)
    runner = _graph(**{"ingest/set_content_hashes": hashes})
    return runner, ingest_results(runner, sample_world(), batch_size=2)


def test_the_next_batch_is_resolved_while_the_previous_commits(monkeypatch: pytest.MonkeyPatch) -> None:
    ahead, summary = _ingest_in_two_batches(monkeypatch, lookahead=True)
    own, own_summary = _ingest_in_two_batches(monkeypatch, lookahead=False)
    assert (summary.resolved_ahead, own_summary.resolved_ahead) == (1, 0)
    assert _writes(ahead) == _writes(own)
    names = [n for n, _, _ in ahead.calls if n not in READS[2:]]  # the writer's statements
    # batch 2's context is read right after batch 1's last statement, and not again in batch 2
    reads = [i for i, n in enumerate(names) if n == "ingest/person_context"]
    assert len(reads) == 2 and names[reads[1] - 1] == "ingest/set_content_hashes"
    assert names.index("ingest/merge_documents", reads[1]) > reads[1]
    assert [p for n, _, p in ahead.calls if n == "ingest/person_context"] == [
        p for n, _, p in own.calls if n == "ingest/person_context"
    ]


def test_a_context_read_by_a_transaction_that_failed_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    real = run.in_transaction
    failed: list[bool] = []

    def commit_fails_once(db: Any, work: Any) -> Any:
        result = real(db, work)
        if not failed:  # batch 1 read batch 2's context, then its commit failed
            failed.append(True)
            raise TransientError("commit failed")
        return result

    monkeypatch.setattr(run, "in_transaction", commit_fails_once)
    runner, summary = _ingest_in_two_batches(monkeypatch, lookahead=True)
    assert summary.written == 4 and summary.resolved_ahead == 0
    bases = [p["bases"] for n, _, p in runner.calls if n == "ingest/person_context"]
    # batch 1's context, batch 2's read ahead (not used), batch 1 again document by document, batch 2's own
    assert bases[1] == bases[-1] and len(bases) > 3
