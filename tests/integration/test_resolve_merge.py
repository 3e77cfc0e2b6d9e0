"""Merge and split on a real Neo4j: evidence moves and combines, the record explains, split restores."""

from __future__ import annotations

import json

import pytest

from graph.db import Database
from graph.ingest import ingest_results
from graph.resolve import ResolveError, merge, review, split
from ontology.schema import apply_schema
from tests.fixtures.ingest_world import make_result, sample_world
from tests.integration.test_ingest_graph import canonical_dump, node, rels


@pytest.fixture()
def graph(db: Database) -> Database:
    apply_schema(db)
    ingest_results(db, sample_world())
    return db


def test_review_lists_ingest_candidates(graph: Database) -> None:
    found = review(graph)
    pairs = {(c["a_id"], c["b_id"]) for c in found["candidates"]}
    assert ("person:anna kowalska", "person:anna kowalska#2") in pairs
    assert found["merges"] == []


def test_merge_moves_evidence_and_split_restores_the_graph(graph: Database) -> None:
    before = canonical_dump(graph)
    result = merge(
        graph, ["person:anna kowalska", "person:anna kowalska#2"], by="analyst-1", reason="same passport"
    )
    assert node(graph, "person:anna kowalska#2") is None
    anna = node(graph, "person:anna kowalska")
    assert anna is not None and anna["doc_count"] == 2 and anna["merged_ids"] == ["person:anna kowalska#2"]
    record = json.loads(anna["merge_log"][-1])
    assert (record["by"], record["reason"], record["merge_id"]) == (
        "analyst-1",
        "same passport",
        result.merge_id,
    )
    # doc-3's LOCATED_IN Leeds moved onto the survivor, with its evidence; the candidate between them is gone
    moved = [r for r in rels(graph, "LOCATED_IN") if r["src"] == "person:anna kowalska"]
    assert [r["ev_doc_ids"] for r in moved] == [["doc-3"]]
    assert not [r for r in rels(graph, "POSSIBLY_SAME_AS") if "anna" in r["src"]]
    assert graph.read("ingest/edges_without_evidence")[0]["count"] == 0
    assert [m["merge_id"] for m in review(graph)["merges"]] == [result.merge_id]

    split(graph, result.merge_id)
    assert canonical_dump(graph) == before


def test_merge_combines_evidence_of_the_same_fact(graph: Database) -> None:
    extra = make_result(
        "doc-5",
        "Sunrise Cleaning Ltd uses +44 7700 900123 and is based in Manchester.",
        [
            ("b1", "Business", "Sunrise Cleaning Ltd", None),
            ("ph", "Phone", "+44 7700 900123", "+447700900123"),
        ],
        [("USES_PHONE", "b1", "ph")],
    )
    ingest_results(
        graph, [extra]
    )  # business:sunrise cleaning (no place) now has evidence from doc-3 and doc-5
    merge(
        graph,
        ["business:sunrise cleaning@manchester", "business:sunrise cleaning"],
        by="t",
        reason="same firm",
    )
    (edge,) = [r for r in rels(graph, "USES_PHONE") if r["src"] == "business:sunrise cleaning@manchester"]
    assert sorted(edge["ev_doc_ids"]) == ["doc-2", "doc-3", "doc-5"]
    assert edge["evidence_count"] == 3 and edge["doc_count"] == 3
    # a later document naming the absorbed key lands on the survivor
    again = make_result(
        "doc-6", "SUNRISE CLEANING LIMITED hires.", [("b1", "Business", "SUNRISE CLEANING LIMITED", None)]
    )
    ingest_results(graph, [again])
    assert node(graph, "business:sunrise cleaning") is None
    assert node(graph, "business:sunrise cleaning@manchester")["doc_count"] == 4  # type: ignore[index]


def test_merge_refuses_unknown_ids_and_person_with_phone(graph: Database) -> None:
    with pytest.raises(ResolveError, match="no entity"):
        merge(graph, ["person:viktor petrov", "person:nobody"], by="t", reason="x")
    with pytest.raises(ResolveError, match="person"):
        merge(graph, ["person:viktor petrov", "phone:+447700900123"], by="t", reason="x")
    with pytest.raises(ResolveError, match="no merge"):
        split(graph, "merge-0000000000")


def test_suggest_records_fuzzy_candidates(graph: Database) -> None:
    from graph.resolve_suggest import suggest

    typo = make_result("doc-7", "Victor Petrov was seen in Porto.", [("p1", "Person", "Victor Petrov", None)])
    ingest_results(graph, [typo])
    found = suggest(graph, "Person", threshold=85)
    assert ("person:victor petrov", "person:viktor petrov") in {(s.source, s.target) for s in found}
    cands = [c for c in review(graph)["candidates"] if c["source"] == "suggest"]
    assert cands and cands[0]["a_id"] == "person:victor petrov"
