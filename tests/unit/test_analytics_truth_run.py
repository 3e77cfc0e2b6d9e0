"""Ground-truth ARI matching, and the try/finally around the projection (FakeRunner)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.analytics.options import AnalysisOptions
from graph.analytics.run import run_analysis
from graph.analytics.truth import match_items, score, truth_items
from graph.db import FakeRunner

TRUTH = {
    "networks": [
        {
            "id": "N1",
            "members": [{"type": "Person", "value": "Ana Pop"}, {"type": "Phone", "value": "+447700900101"}],
            "victims": [{"name": "Ira Lee"}],
        },
        {
            "id": "N2",
            "members": [{"type": "Person", "value": "Bo Tan"}, {"type": "Email", "value": "b@example.com"}],
            "victims": [],
        },
    ]
}


def member(name: str, net: int, value: str | None = None) -> dict[str, Any]:
    return {"id": name, "name": name, "value": value or name.lower(), "network_id": net}


def test_perfect_recovery_scores_one_and_merges_score_less() -> None:
    items = truth_items(TRUTH)
    good = [
        member("Ana Pop", 1),
        member("+44 7700 900101", 1, "+447700900101"),
        member("Ira Lee", 1),
        member("Bo Tan", 2),
        member("b@example.com", 2),
    ]
    assert score(items, match_items(items, good)).ari == 1.0
    merged = [dict(m, network_id=1) for m in good]
    assert score(items, match_items(items, merged)).ari == 0.0
    missing = score(items, match_items(items, good[:-1]))
    assert missing.matched == 4 and missing.missing == ["N2 Email b@example.com"] and missing.ari < 1.0


def test_namesake_goes_to_the_network_of_its_colleagues() -> None:
    items = truth_items(TRUTH)
    graph = [
        member("Ana Pop", 1),
        member("+44 7700 900101", 1, "+447700900101"),
        member("Ira Lee", 1),
        member("Bo Tan", 2),
        member("b@example.com", 2),
        member("Ana Pop", 7),
    ]
    assert score(items, match_items(items, graph)).ari == 1.0


def test_projection_is_dropped_when_an_algorithm_fails() -> None:
    def boom(params: dict[str, Any]) -> list[dict[str, Any]]:
        raise RuntimeError("pageRank failed")

    db = FakeRunner(
        results={
            "analysis/count_projection": [{"nodes": 10, "relationships": 20}],
            "analysis/estimate_projection": [
                {"required_memory": "1 KiB", "bytes_max": 1024, "heap_percentage_max": 0.1}
            ],
            "analysis/project_network": [{"graph": "g", "nodes": 10, "relationships": 20}],
            "analysis/wcc_stream": [{"id": "a", "component": 3}],
            "analysis/pagerank_stream": boom,
        }
    )
    with pytest.raises(RuntimeError, match="pageRank failed"):
        run_analysis(db, only="networks,centrality", options=AnalysisOptions())  # type: ignore[arg-type]
    names = [c[0] for c in db.calls]
    assert names.count("analysis/drop_graph") == 2  # stale one before, ours after the failure
    assert names.index("analysis/pagerank_stream") < len(names) - 1 - names[::-1].index("analysis/drop_graph")
    last_run = [c[2]["run"] for c in db.calls if c[0] == "analysis/merge_run"][-1]
    assert last_run["status"] == "failed" and "pageRank failed" in last_run["error"]


def test_memory_refusal_happens_before_projecting() -> None:
    db = FakeRunner(
        results={
            "analysis/count_projection": [{"nodes": 10**9, "relationships": 10**10}],
            "analysis/estimate_projection": [
                {"required_memory": "300 GiB", "bytes_max": 3 * 10**11, "heap_percentage_max": 9000.0}
            ],
        }
    )
    from graph.analytics import InsufficientMemoryError

    with pytest.raises(InsufficientMemoryError, match="300 GiB"):
        run_analysis(db, only="networks", options=AnalysisOptions())  # type: ignore[arg-type]
    assert "analysis/project_network" not in [c[0] for c in db.calls]


def test_empty_graph_says_what_to_do() -> None:
    db = FakeRunner(
        results={
            "analysis/count_projection": [{"nodes": 0, "relationships": 0}],
            "analysis/estimate_projection": [
                {"required_memory": "1 KiB", "bytes_max": 1, "heap_percentage_max": 0.0}
            ],
            "analysis/latest_published": [{"latest": None}],
        }
    )
    summary = run_analysis(db, options=AnalysisOptions())  # type: ignore[arg-type]
    assert "analysis/project_network" not in [c[0] for c in db.calls]
    assert summary.notes and "lantern ingest" in summary.notes[0]
    assert [c[2]["run"]["status"] for c in db.calls if c[0] == "analysis/merge_run"][-1] == "completed"


def test_a_member_named_differently_is_found_through_its_gold_span(tmp_path: Any) -> None:
    """The victim "Ira Lee" is written only "Ira" in the text: the gold mention's exact span finds her."""
    import json

    from graph.analytics.truth import evaluate_networks

    truth = tmp_path / "ground_truth.json"
    truth.write_text(json.dumps(TRUTH), encoding="utf-8")
    gold = {"id": "d1", "mentions": [{"type": "Person", "start": 11, "end": 14, "value": "Ira Lee"}]}
    (tmp_path / "gold_entities.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    graph = [
        member("Ana Pop", 1),
        member("+44 7700 900101", 1, "+447700900101"),
        member("Ira", 1),
        member("Bo Tan", 2),
        member("b@example.com", 2),
    ]
    at_span = [{"doc": "d1", "start": 11, "end": 14, "id": "Ira", "network_id": 1, "community_id": 1}]

    def spans(params: dict[str, Any]) -> list[dict[str, Any]]:
        assert params["spans"] == [{"doc": "d1", "start": 11, "end": 14}]  # only the unnamed member
        return at_span

    db = FakeRunner(results={"analysis/network_members": graph, "analysis/members_at_spans": spans})
    assert evaluate_networks(db, truth).ari == 1.0
    elsewhere = FakeRunner(results={"analysis/network_members": graph, "analysis/members_at_spans": []})
    result = evaluate_networks(elsewhere, truth)  # an entity at another span does not count
    assert result.missing == ["N1 Person ira lee"] and result.ari < 1.0
