"""The bounded load test in short (bench/api_load.py, a few seconds): 6 cheap + 2 expensive clients
against a real uvicorn server on loopback. Asserts behaviour only, never timing: every cheap query and
/healthz answered, the expensive query within budget executed (heavy lane), the over-budget one
refused with LIMIT_EXCEEDED, nothing answered 5xx."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.app import create_app
from api.auth import create_key
from bench.api_load import run_load
from graph.db import Database
from tests.aio import run as aio_run
from tests.integration.test_api_fixtures import load_corpus
from tests.servers import test_settings as settings_for_tests

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        os.environ.get("LANTERN_LOAD_TEST") != "1",
        reason="load test: run with LANTERN_LOAD_TEST=1 (make test-load) on a machine nothing else loads; "
        "inside the full suite on 2 shared cores its all-200 check failed while it passes alone",
    ),
]


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[str, object]]:
    s = settings_for_tests()
    from graph import neo4j_server

    neo4j_server.start(s)
    with Database.connect(s) as db:
        db.write("platform/drop_all_gds_graphs")
        db.write("platform/wipe_graph")
        load_corpus(db)
    port = int(os.environ.get("LANTERN_TEST_API_PORT", "8765"))
    app = create_app(s.model_copy(update={"state_dir": tmp_path / "state"}))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    try:
        yield base, app.state.lantern.store
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_cheap_queries_answered_while_expensive_ones_are_limited(served: tuple[str, object]) -> None:
    base, store = served
    cheap = [create_key(store, f"cheap-{i}", "investigator") for i in range(6)]  # type: ignore[arg-type]
    heavy = [create_key(store, f"heavy-{i}", "investigator") for i in range(2)]  # type: ignore[arg-type]
    sample = {"search_text": "Petrov", "hub_id": "person:viktor petrov"}
    figures = aio_run(run_load(base, cheap, heavy, sample, seconds=4.0, idle_seconds=1.0))

    for phase in ("cheap idle", "cheap under load", "healthz under load"):
        assert figures[phase]["n"] > 0 and set(figures[phase]["outcomes"]) == {"200"}, figures[phase]
    expensive = figures["expensive"]["outcomes"]
    assert expensive.get("200", 0) > 0  # within budget: executed (in the heavy lane)
    assert expensive.get("400 LIMIT_EXCEEDED", 0) > 0  # 20 aliased copies: refused before running
    assert set(expensive) <= {"200", "400 LIMIT_EXCEEDED"}
