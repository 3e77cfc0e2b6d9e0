"""Fuzzy name suggestions (no database; FakeRunner for the write)."""

from __future__ import annotations

from graph.db import FakeRunner
from graph.resolve_suggest import suggest, suggestions

ROWS = [
    {"id": "person:viktor petrov", "name": "Viktor Petrov", "value": "viktor petrov"},
    {"id": "person:victor petrov", "name": "Victor Petrov", "value": "victor petrov"},
    {"id": "person:viktor petrov#2", "name": "Viktor Petrov", "value": "viktor petrov"},
    {"id": "person:anna kowalska", "name": "Anna Kowalska", "value": "anna kowalska"},
]


def test_similar_names_are_suggested_and_same_name_pairs_left_to_ingest() -> None:
    found = suggestions(ROWS, threshold=85)
    pairs = {(s.source, s.target) for s in found}
    assert ("person:victor petrov", "person:viktor petrov") in pairs
    assert ("person:victor petrov", "person:viktor petrov#2") in pairs
    assert ("person:viktor petrov", "person:viktor petrov#2") not in pairs  # same base: ingest's job
    assert not any("anna" in s.source or "anna" in s.target for s in found)
    assert all(0 < s.score <= 0.8 and "token-sort ratio" in s.reason for s in found)


def test_suggest_records_candidates_with_source_suggest() -> None:
    runner = FakeRunner(results={"resolve/entity_names": ROWS})
    found = suggest(runner, "Person", threshold=85)
    (write,) = [p for name, _, p in runner.calls if name == "ingest/possibly_same_as"]
    assert len(write["rows"]) == len(found) and {r["origin"] for r in write["rows"]} == {"suggest"}
