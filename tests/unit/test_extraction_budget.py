"""A document over its time budget ends with a `timeout` error; the run goes on and nothing runs twice
(issue 23, item 9)."""

from __future__ import annotations

import time

import pytest

from extraction.models import SourceDocument
from extraction.pipeline import Extractor


def test_slow_document_ends_with_a_timeout_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from extraction.components import relations as relations_module

    calls: list[str] = []
    original = relations_module.RelationFinder._find

    def slow(self, doc):  # type: ignore[no-untyped-def]
        calls.append(doc.text[:4])
        if doc.text.startswith("SLOW"):
            time.sleep(5)
            calls.append("woke")  # only reached when the budget did not interrupt the sleep
        return original(self, doc)

    monkeypatch.setattr(relations_module.RelationFinder, "_find", slow)
    extractor = Extractor(doc_timeout_s=1.0)
    docs = [
        SourceDocument(id="a", text="Ada Example met Bo Sample in Leeds."),
        SourceDocument(id="slow", text="SLOW Ada Example met Bo Sample in Leeds."),
        SourceDocument(id="b", text="Cy Example met Di Sample in York."),
    ]
    results = list(extractor.extract_many(docs, batch_size=8))
    assert "woke" not in calls  # the sleep was interrupted, not waited out
    assert [r.id for r in results] == ["a", "slow", "b"]
    assert [e.stage for e in results[1].errors] == ["timeout"]
    assert "budget" in results[1].errors[0].reason
    assert not results[0].errors and not results[2].errors
    assert calls.count("SLOW") == 1  # never retried


def test_budget_zero_turns_it_off() -> None:
    from extraction.components.base import DOC_BUDGET

    Extractor(doc_timeout_s=0)
    assert DOC_BUDGET[0] == 0
