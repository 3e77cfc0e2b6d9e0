"""The ingest loop with a FakeRunner: one hash read per batch, skip, failures, transaction order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.db import FakeRunner
from graph.ingest import ingest_results
from graph.ingest.generate import (
    BARE_TEMPLATE,
    BENCH_DIR,
    PERSON_CONTEXT,
    TARGET_DIR,
    person_context_statement,
    relation_statements,
)
from graph.ingest.paths import is_extraction_jsonl, read_extraction_jsonl
from graph.ingest.prepare import content_hash
from graph.ingest.run import batches
from graph.ingest.summary import IngestSummary
from tests.fixtures.ingest_world import make_result, sample_world


def _names(runner: FakeRunner) -> list[str]:
    return [name for name, _, _ in runner.calls]


def test_new_documents_are_written_in_one_batch_with_their_hashes() -> None:
    runner = FakeRunner()
    docs = sample_world()
    summary = ingest_results(runner, docs, batch_size=10)
    assert summary.written == 4 and summary.failed == []
    names = _names(runner)
    assert names.count("ingest/document_hashes") == 1
    # new documents' hashes are computed while the server writes the mentions and set at the end of the
    # same transaction (all-or-nothing); their document rows carry null
    (doc_rows,) = [p["rows"] for n, _, p in runner.calls if n == "ingest/merge_documents"]
    assert all(r["content_hash"] is None for r in doc_rows)
    (hash_rows,) = [p["rows"] for n, _, p in runner.calls if n == "ingest/set_content_hashes"]
    assert {r["id"]: r["content_hash"] for r in hash_rows} == {d.id: content_hash(d) for d in docs}
    assert names.index("ingest/create_mentions") < names.index("ingest/set_content_hashes")
    (ent_rows,) = [p["rows"] for n, _, p in runner.calls if n == "ingest/merge_entities"]
    viktor = next(r for r in ent_rows if r["id"] == "person:viktor petrov")
    assert viktor["docs"] == 2 and viktor["mentions"] >= 2 and viktor["texts"]
    facts = [i for i, n in enumerate(names) if n.startswith("ingest/relations/")]
    assert facts and names.index("ingest/merge_entities") < min(facts)
    # the resolution reads see the graph before the batch (the writer sends statements without waiting)
    assert names.index("ingest/person_context") < names.index("ingest/merge_entities")
    assert names.index("ingest/key_family") < names.index("ingest/merge_entities")
    assert "ingest/remove_document_evidence" not in names  # nothing to replace


def test_only_the_first_batch_leaves_its_hashes_to_the_writer() -> None:
    # later batches are hashed by the reading thread while the previous batch is written
    runner = FakeRunner()
    docs = sample_world()
    ingest_results(runner, docs, batch_size=2)
    doc_rows = [p["rows"] for n, _, p in runner.calls if n == "ingest/merge_documents"]
    hash_rows = [p["rows"] for n, _, p in runner.calls if n == "ingest/set_content_hashes"]
    assert [[r["content_hash"] for r in rows] for rows in doc_rows] == [
        [None, None],
        [content_hash(d) for d in docs[2:4]],
    ]
    assert hash_rows == [[{"id": d.id, "content_hash": content_hash(d)} for d in docs[:2]]]


def test_stored_hash_is_the_record_as_extracted_when_ingest_drops_part_of_it() -> None:
    # the guard drops a non-entity and the contact rule drops a contact number's relation: the hash stored
    # must still be the extracted record's, or the next run's skip check never matches (every re-run
    # rewrote such documents and fired their hooks again)
    docs = sample_world()
    phone = next(m for m in docs[0].entities if m.type == "Phone")
    phone.attributes["identifier_role"] = "contact"  # its USES_PHONE relation is dropped
    docs[1].entities.append(docs[1].entities[0].model_copy(update={"id": "furn", "text": "PDF Version"}))
    for batch_size in (10, 1):  # first batch: hashed by the writer; later batches: by the reading thread
        runner = FakeRunner()
        ingest_results(runner, docs, batch_size=batch_size)
        stored = {
            r["id"]: r["content_hash"]
            for n, _, p in runner.calls
            if n in ("ingest/merge_documents", "ingest/set_content_hashes")
            for r in p["rows"]
            if r["content_hash"] is not None
        }
        assert stored == {d.id: content_hash(d) for d in docs}


def test_unchanged_documents_are_skipped_after_one_read() -> None:
    docs = sample_world()
    known = [{"id": d.id, "content_hash": content_hash(d)} for d in docs]
    runner = FakeRunner(results={"ingest/document_hashes": known})
    summary = ingest_results(runner, docs, batch_size=10)
    assert (summary.skipped, summary.written) == (4, 0)
    assert [n for n in _names(runner) if n.startswith("ingest/")] == ["ingest/document_hashes"]


def test_changed_document_is_replaced_inside_the_same_transaction() -> None:
    docs = sample_world()
    runner = FakeRunner(results={"ingest/document_hashes": [{"id": "doc-1", "content_hash": "old"}]})
    summary = ingest_results(runner, docs, batch_size=10)
    assert (summary.replaced, summary.written) == (1, 3)
    removal = [p for n, _, p in runner.calls if n == "ingest/remove_document_evidence"]
    assert removal == [{"doc_ids": ["doc-1"]}]
    names = _names(runner)
    assert names.index("ingest/remove_document_mentions") < names.index("ingest/person_context")


def test_invalid_document_is_reported_and_the_rest_written() -> None:
    bad = make_result("bad", "Ada Quill.", [("p", "Spaceship", "Ada Quill", None)])
    runner = FakeRunner()
    summary = ingest_results(runner, [bad, *sample_world()], batch_size=2)
    assert summary.written == 4
    assert [(f.id, "Spaceship" in f.reason) for f in summary.failed] == [("bad", True)]


def test_batches_split_on_a_repeated_document_id() -> None:
    a, b = sample_world()[:2]
    assert [[d.id for d in c] for c in batches([a, b, a], 10)] == [["doc-1", "doc-2"], ["doc-1"]]


def test_extraction_jsonl_is_detected_and_bad_lines_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(sample_world()[0].to_json() + "\n" + '{"id": "broken", "entities": 3}\n')
    assert is_extraction_jsonl(path)
    docs_only = tmp_path / "docs.jsonl"
    docs_only.write_text('{"id": "a", "text": "hello"}\n')
    assert not is_extraction_jsonl(docs_only)
    problems = IngestSummary()
    assert [r.id for r in read_extraction_jsonl(path, problems)] == ["doc-1"]
    assert problems.failed[0].id == "broken" and "line 2" in problems.failed[0].reason


def test_generated_relation_statements_match_the_ontology() -> None:
    from ontology import load_ontology

    wanted = relation_statements(load_ontology())
    assert "USES_PHONE.cypher" in wanted and "MENTIONED_IN.cypher" not in wanted
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in TARGET_DIR.glob("*.cypher")}
    assert on_disk == wanted, "queries/ingest/relations/ is stale: run `python -m graph.ingest.generate`"
    bare = relation_statements(load_ontology(), BARE_TEMPLATE)  # the benchmark baseline, same types
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in BENCH_DIR.glob("*.cypher")}
    assert on_disk == bare, "queries/bench/bare_relations/ is stale: run `python -m graph.ingest.generate`"
    context = person_context_statement(load_ontology())
    (pattern,) = [line for line in context.splitlines() if line.startswith("OPTIONAL MATCH")]
    assert "|USES_PHONE|" in pattern and "POSSIBLY_SAME_AS" not in pattern and "MENTIONED_IN" not in pattern
    assert PERSON_CONTEXT.read_text(encoding="utf-8") == context, "run `python -m graph.ingest.generate`"


def test_batches_are_the_batch_size_and_split_on_a_repeated_id() -> None:
    docs = [make_result(f"d{i}", "Zoe Ash.", [("p", "Person", "Zoe Ash", None)]) for i in range(250)]
    assert [len(c) for c in batches(docs, 100)] == [100, 100, 50]
    again = [*docs[:3], docs[1]]  # the later version of d1 goes to the next chunk
    assert [[r.id for r in c] for c in batches(again, 100)] == [["d0", "d1", "d2"], ["d1"]]


def test_a_document_failing_at_write_time_is_isolated_and_the_batch_written_without_it() -> None:
    def merge_documents(params: dict[str, Any]) -> list[dict[str, Any]]:
        if any(r["id"] == "doc-3" for r in params["rows"]):
            raise ValueError("Neo4j refused a property value")
        return []

    runner = FakeRunner(results={"ingest/merge_documents": merge_documents})
    summary = ingest_results(runner, sample_world(), batch_size=10)
    assert summary.written == 3
    assert [(f.id, "refused a property" in f.reason) for f in summary.failed] == [("doc-3", True)]


def test_the_heap_before_the_run_is_frozen_during_it_and_handed_back_after() -> None:
    import gc

    seen: list[int] = []
    ingest_results(
        FakeRunner(), sample_world(), batch_size=2, progress=lambda n: seen.append(gc.get_freeze_count())
    )
    assert seen and all(count > 0 for count in seen) and gc.get_freeze_count() == 0

    def fail(_: int) -> None:
        raise RuntimeError("progress display closed")

    try:
        ingest_results(FakeRunner(), sample_world(), batch_size=2, progress=fail)
    except RuntimeError:
        pass
    assert gc.get_freeze_count() == 0, "unfrozen on the way out of a failing run too"


def test_a_run_quiets_the_collector_and_the_last_run_to_end_restores_it() -> None:
    import gc

    from graph.ingest.quiet_gc import GC_YOUNG_THRESHOLD
    from graph.ingest.quiet_gc import quiet_gc as _quiet_gc

    before = gc.get_threshold()
    with _quiet_gc():
        assert gc.get_threshold()[0] >= GC_YOUNG_THRESHOLD and gc.get_freeze_count() > 0
        with _quiet_gc():  # a second run in the same process (the API ingests in threads)
            pass
        assert gc.get_threshold()[0] >= GC_YOUNG_THRESHOLD and gc.get_freeze_count() > 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_resolution_context_is_read_one_row_per_name_base() -> None:
    # the graph has three Zoe Ash nodes: #2 shares this document's phone, the others have no fact edges
    phone = "phone:+15555550142"
    family = {"base": "person:zoe ash", "ids": ["person:zoe ash", "person:zoe ash#2", "person:zoe ash#3"],
              "linked": [["person:zoe ash#2", [phone, "location:leeds"]]]}  # fmt: skip
    ents = [("p", "Person", "Zoe Ash", None), ("t", "Phone", "+1 555 555 0142", None)]
    same = make_result("d1", "Zoe Ash used +1 555 555 0142.", ents, [("USES_PHONE", "p", "t")])
    other = make_result("d2", "Zoe Ash spoke.", [("p", "Person", "Zoe Ash", None)])
    for doc, key, candidates in ((same, "person:zoe ash#2", 0), (other, "person:zoe ash#4", 3)):
        runner = FakeRunner(results={"ingest/person_context": [family]})
        ingest_results(runner, [doc], batch_size=10)
        (rows,) = [p["rows"] for n, _, p in runner.calls if n == "ingest/merge_entities"]
        assert [r["id"] for r in rows if r["id"].startswith("person:")] == [key]
        cands = [p["rows"] for n, _, p in runner.calls if n == "ingest/possibly_same_as"]
        assert sum(len(c) for c in cands) == candidates  # a new namesake: the family's first three


def test_quiet_gc_is_scoped_to_the_run_and_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from graph.ingest import run as run_module
    from graph.ingest.quiet_gc import GC_YOUNG_THRESHOLD

    seen: list[int] = []
    monkeypatch.setattr(run_module, "write_batch", _recording(run_module.write_batch, seen))
    before = gc.get_threshold()
    ingest_results(FakeRunner(), sample_world(), batch_size=2, quiet_gc=False)
    assert seen and all(t == before[0] for t in seen), "quiet_gc=False (the API) leaves the GC alone"
    seen.clear()
    ingest_results(FakeRunner(), sample_world(), batch_size=2)
    assert seen and all(t >= GC_YOUNG_THRESHOLD for t in seen)
    assert gc.get_threshold() == before


def _recording(write_batch, seen):  # type: ignore[no-untyped-def]
    import gc

    def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.get_threshold()[0])
        return write_batch(*args, **kwargs)

    return wrapped


@pytest.mark.parametrize("batch_size", [1, 2, 3])
def test_write_behind_switch_writes_the_same_rows(monkeypatch: pytest.MonkeyPatch, batch_size: int) -> None:
    """The write-behind pipeline only overlaps work: with it switched off (LANTERN_INGEST_WRITE_BEHIND=0) the
    same rows are written in the same order and the summary is the same (reads may come at other moments:
    the next batch's hashes beside a write, its resolution context at the end of the previous one)."""
    from graph.config import GraphSettings

    def run(enabled: bool) -> tuple[list[tuple[str, Any]], IngestSummary]:
        monkeypatch.setenv("LANTERN_INGEST_WRITE_BEHIND", "1" if enabled else "0")
        runner = FakeRunner()
        runner.settings = GraphSettings()  # type: ignore[attr-defined]
        summary = ingest_results(runner, sample_world() + sample_world()[:2], batch_size=batch_size)
        return _writes_without_hash_timing(runner.calls), summary

    on, summary_on = run(True)
    off, summary_off = run(False)
    assert on[-1] == off[-1], "every document ends with the same content hash"
    on, off = on[:-1], off[:-1]
    assert GraphSettings().ingest_write_behind is False
    assert on == off
    assert (summary_on.written, summary_on.replaced, summary_on.skipped, summary_on.batches) == (
        summary_off.written,
        summary_off.replaced,
        summary_off.skipped,
        summary_off.batches,
    )
    assert summary_on.written > 0


def _writes_without_hash_timing(calls: list[tuple[str, Any, dict[str, Any]]]) -> list[Any]:
    """The write statements and their rows in order, then {document id: content hash}. A new document's hash
    is computed by the reading thread beside an earlier write, or by the writer and set at the end of its
    transaction (`ingest/set_content_hashes`): where it is written is timing, not content."""
    writes: list[Any] = []
    hashes: dict[str, str] = {}
    for name, _, params in calls:
        if "rows" not in params:
            continue  # reads
        rows = params["rows"]
        if name == "ingest/set_content_hashes":
            hashes.update({r["id"]: r["content_hash"] for r in rows})
            continue
        if name == "ingest/merge_documents":
            hashes.update({r["id"]: r["content_hash"] for r in rows if r["content_hash"]})
            rows = [{k: v for k, v in r.items() if k != "content_hash"} for r in rows]
        writes.append((name, rows))
    return [*writes, hashes]
