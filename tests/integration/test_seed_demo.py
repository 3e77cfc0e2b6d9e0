"""`lantern demo --no-serve` on the test Neo4j, then the planted networks against the ground truth.

The seed goes through the real path: spaCy extraction → ingest → GDS analytics. The second test prints
the adjusted Rand index of the recovered networks and what was not found (run with -s to see it)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.config import Settings, get_settings
from graph.db import Database

ROOT = Path(__file__).resolve().parents[2]
TRUTH = ROOT / "seed" / "ground_truth.json"


@pytest.fixture()
def demo_env(neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    s = neo4j_settings
    env = {
        "NEO4J_URI": s.uri,
        "NEO4J_PASSWORD": s.password,
        "LANTERN_NEO4J_BOLT_PORT": str(s.neo4j_bolt_port),
        "LANTERN_NEO4J_HTTP_PORT": str(s.neo4j_http_port),
        "LANTERN_NEO4J_INSTANCE_DIR": str(s.neo4j_instance_dir),
        "LANTERN_NEO4J_HEAP": s.neo4j_heap,
        "LANTERN_NEO4J_PAGECACHE": s.neo4j_pagecache,
        "LANTERN_API_PORT": str(s.api_port),
        "LANTERN_STATE_DIR": str(tmp_path / "state"),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def _seed_docs() -> int:
    return sum(1 for p in (ROOT / "seed" / "corpus").glob("*.jsonl") for _ in p.open(encoding="utf-8"))


def test_demo_loads_the_seed_and_prints_what_to_open(db: Database, demo_env: Settings) -> None:
    from api.auth import authenticate
    from api.cli import app
    from api.state import StateStore

    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--no-serve", "--skip-analysis"])
    assert first.exit_code == 0, first.output
    assert db.read("ingest/count_documents")[0]["count"] == _seed_docs()
    out = first.output
    assert f"http://{demo_env.api_host}:{demo_env.api_port}/graphql" in out
    assert f"http://127.0.0.1:{demo_env.neo4j_http_port}/browser/" in out
    assert "/explore" in out and "phone:+447700900101" in out and "(b:Person {name: 'Viktor Hrabar'})" in out
    token = out.split('"Authorization": "Bearer ', 1)[1].split('"', 1)[0]
    store = StateStore.open(demo_env.state_path)
    assert authenticate(store, f"Bearer {token}") is not None

    again = runner.invoke(app, ["demo", "--no-serve", "--skip-analysis"])  # re-run: fast and safe
    assert again.exit_code == 0, again.output
    assert f"{_seed_docs()} unchanged" in again.output
    assert token in again.output, "the demo key is reused"
    assert db.read("ingest/count_documents")[0]["count"] == _seed_docs()


def test_planted_networks_are_findable(db: Database, demo_env: Settings) -> None:
    from api.demo import seed_extraction
    from graph.analytics import run_analysis
    from graph.analytics.truth import evaluate_networks
    from graph.ingest import ingest_paths
    from ontology.schema import apply_schema

    apply_schema(db)
    ingest_paths(db, [seed_extraction(demo_env)])
    run_analysis(db, demo_env, only=["networks", "communities"])
    ev = evaluate_networks(db, TRUTH)
    goal = evaluate_networks(db, TRUTH, level="community")  # the figure compared with the 0.9 goal
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    print(f"\nseed networks: ARI {ev.ari} over {ev.items} truth items, {ev.matched} matched, "
          f"{ev.recovered_networks} recovered networks; community-level ARI (goal) {goal.ari}; "
          f"found through gold spans: {goal.via_gold_span}")  # fmt: skip
    for row in ev.per_network:
        print(f"  {row['truth']}: {row['items']} items, found in {row['found_in']}")
    print("  not found:", "; ".join(ev.missing))
    # Findable: most of each planted network's recovered members sit in one network of their own
    # (the broker may join N1 and N7; nothing else should share a network).
    owner: dict[int, set[str]] = {}
    for row in ev.per_network:
        assert row["found_in"], f"{row['truth']}: none of its members were recovered"
        best, count = max(row["found_in"].items(), key=lambda kv: kv[1])
        assert count >= 0.6 * sum(row["found_in"].values()), f"{row['truth']} is split: {row['found_in']}"
        owner.setdefault(best, set()).add(row["truth"])
    allowed = set(truth["brokers"][0]["links"])
    for nets in owner.values():
        assert len(nets) == 1 or nets <= allowed, f"planted networks merged: {sorted(nets)}"
    assert ev.ari >= 0.5
    assert goal.ari >= 0.9, "Done-when of issue 6: planted networks recovered as communities, ARI >= 0.9"


def test_oracle_extraction_recovers_every_planted_network(db: Database, demo_env: Settings) -> None:
    """Upper bound: with perfect extraction (gold spans + stated relations) most of every planted network
    is one recovered network of its own (only the broker's N1 and N7 may share one). Not all: person
    resolution is namesake-safe, so a name seen in two documents without shared context stays two nodes."""
    from graph.analytics import run_analysis
    from graph.analytics.truth import evaluate_networks
    from graph.ingest import ingest_results
    from ontology.schema import apply_schema
    from seed.oracle import oracle_results

    apply_schema(db)
    summary = ingest_results(db, oracle_results())
    assert not summary.failed, summary.failed
    run_analysis(db, demo_env, only=["networks"])
    ev = evaluate_networks(db, TRUTH)
    print(f"\noracle extraction: ARI {ev.ari}, {ev.matched}/{ev.items} members found")
    for row in ev.per_network:
        print(f"  {row['truth']}: found in {row['found_in']}")
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    allowed = set(truth["brokers"][0]["links"])
    owner: dict[int, set[str]] = {}
    for row in ev.per_network:
        best, count = max(row["found_in"].items(), key=lambda kv: kv[1])
        assert count >= 0.75 * sum(row["found_in"].values()), f"{row['truth']} is split: {row['found_in']}"
        owner.setdefault(best, set()).add(row["truth"])
    for nets in owner.values():
        assert len(nets) == 1 or nets <= allowed, f"planted networks merged: {sorted(nets)}"
    assert ev.matched >= 0.9 * ev.items
    assert ev.ari >= 0.6
