"""A frozen Neo4j (SIGSTOP) must not hang the API: /readyz → 503 and GraphQL → GRAPH_UNAVAILABLE while
the server is still stopped, /healthz unaffected, and recovery without an API restart after SIGCONT.

Uses the session's own test instance (LANTERN_TEST_NEO4J_BOLT_PORT), always resumed in `finally`.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from graph import neo4j_server
from tests.integration.test_api_fixtures import make_app
from tests.servers import test_settings as settings_for_tests

pytestmark = pytest.mark.integration
DOCS = "{ documents { documents { id } } }"


def _stopped(pid: int) -> bool:
    """True while the process is in state T (stopped by a signal)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return fields[0] == "T"


@pytest.fixture()
def live_neo4j() -> Iterator[tuple[Settings, int]]:
    s = settings_for_tests()
    neo4j_server.start(s)
    pid = neo4j_server.status(s).pid
    assert pid is not None

    def resume_then_stop(signum: int, frame: object) -> None:  # a killed test run must not leave it frozen
        os.kill(pid, signal.SIGCONT)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    previous = signal.signal(signal.SIGTERM, resume_then_stop)
    try:
        yield s, pid
    finally:
        os.kill(pid, signal.SIGCONT)
        signal.signal(signal.SIGTERM, previous)


def _gql(client: TestClient, token: str, query: str) -> dict[str, Any]:
    r = client.post("/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def test_frozen_neo4j_answers_unavailable_while_frozen_then_recovers(
    live_neo4j: tuple[Settings, int], tmp_path: Path
) -> None:
    s, pid = live_neo4j
    settings = s.model_copy(
        update={"api_query_timeout_s": 2.0, "api_graph_wait_s": 3.0, "api_ready_timeout_s": 2.0}
    )
    app, tokens = make_app(settings, tmp_path / "state")
    with TestClient(app) as client:
        assert client.get("/readyz").status_code == 200
        assert "errors" not in _gql(client, tokens["investigator"], DOCS)

        os.kill(pid, signal.SIGSTOP)
        try:
            with ThreadPoolExecutor(4) as pool:  # several requests at once, as under real load
                ready = pool.submit(client.get, "/readyz")
                queries = [pool.submit(_gql, client, tokens[r], DOCS) for r in ("investigator", "analyst")]
                health = client.get("/healthz")
                ready_result, query_results = ready.result(), [q.result() for q in queries]
            # every answer came while Neo4j was still frozen: nothing waited for the freeze to end
            assert _stopped(pid)
            assert health.status_code == 200
            assert ready_result.status_code == 503 and ready_result.json()["status"] == "unavailable"
            assert "did not answer within 2 s" in ready_result.json()["reason"]
            assert "bolt://" not in ready_result.text
            for result in query_results:
                assert result["data"] is None
                error = result["errors"][0]
                assert error["extensions"]["code"] == "GRAPH_UNAVAILABLE"
                # the deadline passed, or the driver saw its connection closed under it
                assert "did not answer within 3 s" in error["message"] or "not reachable" in error["message"]
            again = _gql(client, tokens["admin"], DOCS)  # a fresh driver: also bounded
            assert again["errors"][0]["extensions"]["code"] == "GRAPH_UNAVAILABLE" and _stopped(pid)
        finally:
            os.kill(pid, signal.SIGCONT)

        back = None
        for _ in range(30):  # the same app recovers, no restart
            back = client.get("/readyz")
            if back.status_code == 200:
                break
            time.sleep(1)
        assert back is not None and back.status_code == 200, back.text if back else None
        assert "errors" not in _gql(client, tokens["investigator"], DOCS)


INGEST = """mutation($docs: [DocumentInput!]!) {
    ingestDocuments(documents: $docs) { documents { id ok error } } }"""


def _ingest(client: TestClient, token: str, doc_id: str) -> dict[str, Any]:
    text = f"Mara Quillfeather ({doc_id}) called +44 7700 900412 about work at Fenwick Nets Ltd in Hull."
    r = client.post(
        "/graphql",
        json={"query": INGEST, "variables": {"docs": [{"id": doc_id, "text": text}]}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def test_frozen_neo4j_bounds_writes_through_the_synchronous_driver(
    live_neo4j: tuple[Settings, int], tmp_path: Path
) -> None:
    """Mutations run the stage modules' synchronous driver code in a worker thread, where no client-side
    read timeout exists: the watchdog (GraphAccess.run_blocking) must answer GRAPH_UNAVAILABLE while
    Neo4j is still frozen, for a write whose driver was open before the freeze and for one that has to
    connect during it, and the same app must write again after SIGCONT."""
    s, pid = live_neo4j
    settings = s.model_copy(
        update={"api_query_timeout_s": 2.0, "api_graph_wait_s": 3.0, "api_ready_timeout_s": 2.0}
    )
    app, tokens = make_app(settings, tmp_path / "state")
    with TestClient(app) as client:
        first = _ingest(client, tokens["investigator"], "frozen-write-0")
        assert first["data"]["ingestDocuments"]["documents"][0]["ok"], first
        access = app.state.lantern.graph

        os.kill(pid, signal.SIGSTOP)
        try:
            with ThreadPoolExecutor(2) as pool:  # a write on the open driver, and /healthz meanwhile
                write = pool.submit(_ingest, client, tokens["investigator"], "frozen-write-1")
                health = client.get("/healthz")
                frozen = write.result()
            assert _stopped(pid)  # answered while Neo4j was still frozen
            assert health.status_code == 200
            assert frozen["data"] is None
            error = frozen["errors"][0]
            assert error["extensions"]["code"] == "GRAPH_UNAVAILABLE", error
            assert "stopped answering" in error["message"] and "retry" in error["message"].lower()
            assert access._db is None  # the stuck synchronous driver was abandoned

            again = _ingest(client, tokens["admin"], "frozen-write-2")  # must open a driver: also bounded
            assert again["errors"][0]["extensions"]["code"] == "GRAPH_UNAVAILABLE" and _stopped(pid)
        finally:
            os.kill(pid, signal.SIGCONT)

        back: dict[str, Any] = {}
        for _ in range(30):  # the same app writes again, no restart
            back = _ingest(client, tokens["investigator"], "frozen-write-3")
            if back.get("data"):
                break
            time.sleep(1)
        assert back["data"]["ingestDocuments"]["documents"][0]["ok"], back
