"""The benchmark's baseline Cypher (queries/bench/) is correct: the bare UNWIND/MERGE loop writes the same
nodes and the same relationships as Lantern's ingest for the same rows, so `make bench` compares like with
like. (Timings are never asserted.)"""

from __future__ import annotations

from bench.ingest import bare_loop, planned_rows
from graph.db import Database
from graph.ingest import ingest_results
from ontology.schema import apply_schema
from tests.integration.conftest import wipe
from tests.integration.library_world import world_results


def _shape(db: Database) -> dict[str, int]:
    return db.read("bench/graph_size")[0]


def test_bare_loop_writes_the_same_graph_as_lantern(db: Database) -> None:
    results = world_results()
    apply_schema(db)
    summary = ingest_results(db, results, batch_size=2)
    assert not summary.failed
    lantern = _shape(db)
    sample = db.read("bench/sample_entities")[0]
    assert sample["hub_id"].startswith("phone:")  # a phone with users exists in the world
    assert sample["path_from"] and sample["path_to"] and sample["search_text"]

    wipe(db)
    apply_schema(db)
    rows = bare_loop(db, planned_rows(results, batch_size=2))
    bare = _shape(db)
    assert rows > 0
    assert bare["nodes"] == lantern["nodes"]
    # Lantern also writes POSSIBLY_SAME_AS candidates; everything else is the same set of edges
    candidates = db.read("bench/count_type", type="POSSIBLY_SAME_AS")[0]["n"]
    assert candidates == 0
    assert bare["relationships"] <= lantern["relationships"]


def test_bench_reads_the_plan_settings_of_a_running_server(db: Database) -> None:
    from bench.neo4j_instance import STABLE_PLANS

    # the tests' server runs with Neo4j's defaults; the bench restarts its own when they are not STABLE_PLANS
    running = {r["name"]: r["value"] for r in db.read("bench/server_settings", names=sorted(STABLE_PLANS))}
    assert running.keys() == STABLE_PLANS.keys()
    assert running != STABLE_PLANS
