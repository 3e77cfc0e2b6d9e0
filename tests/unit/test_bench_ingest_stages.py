"""Bench: the Python stages of Lantern's row planning (bench/ingest.py `python_stages`) are each a share of
the planning, nested stages inside their parent, and an office's officials are counted where they are
resolved."""

from __future__ import annotations

from bench.ingest import python_stages
from tests.fixtures.ingest_world import make_result, sample_world


def _with_an_official() -> list:  # type: ignore[type-arg]
    text = "District Attorney Miriam Okafor said Okafor will prosecute Viktor Petrov."
    release = make_result(
        "release-1",
        text,
        [
            ("o1", "Person", "Miriam Okafor", None, {"roles": ["Official"]}),
            ("o2", "Person", "Okafor@1", None),
            ("p1", "Person", "Viktor Petrov", None, {"roles": ["Accused"]}),
        ],
    )
    return [*sample_world(), release.model_copy(update={"source": "releases/harbor-da/release-1.html"})]


def test_stage_shares_are_parts_of_the_planning_and_nested_stages_of_their_parent() -> None:
    out = python_stages(_with_an_official() * 20, batch_size=50)
    assert out["documents"] == 100
    assert out["row planning CPU s (no profiler)"] > 0
    shares = {k.removeprefix("share: "): v for k, v in out.items() if k.startswith("share: ")}
    assert len(shares) == 6
    assert all(0 <= v <= 1 for v in shares.values()), shares
    assert sum(v for k, v in shares.items() if not k.startswith(" ")) <= 1.0 + 1e-9
    assert 0 < shares["  graph door (guard_document)"] <= shares["validation (prepare)"]
    assert 0 < shares["  officials: official_for"] <= shares["resolution (people, officials per office)"]
    assert (
        shares["entity and mention rows"] > 0
        and shares["fact rows (roles with their evidence, relations, classifications)"] > 0
    )


def test_a_corpus_without_officials_spends_nothing_on_them() -> None:
    out = python_stages(sample_world() * 10, batch_size=20)
    assert out["share:   officials: official_for"] == 0.0
    assert out["ms per document:   officials: official_for"] == 0.0
