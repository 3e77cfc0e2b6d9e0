"""A frozen Neo4j (SIGSTOP) must not hang the API: /readyz → 503 and GraphQL → GRAPH_UNAVAILABLE while
the server is still stopped, /healthz unaffected, recovery without an API restart after SIGCONT, and a
write cut by the freeze — before it was sent or in the middle of its transaction — leaves nothing in the
graph and is not run again behind the caller's back once the server resumes.

Every step waits for an observable state instead of sleeping: the server answers (warm-up: a cold
server's first queries can exceed the short deadlines used here on a loaded machine), every thread of
the JVM is stopped (`kill` returns before that), a write holds its transaction open, the abandoned
worker has ended. Uses the session's own test instance (LANTERN_TEST_NEO4J_BOLT_PORT), always resumed.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from graph import neo4j_server
from graph.db import Database
from graph.ingest import tx as ingest_tx
from tests.integration.test_api_fixtures import make_app
from tests.integration.test_ingest_graph import canonical_dump
from tests.servers import test_settings as settings_for_tests

pytestmark = pytest.mark.integration
DOCS = "{ documents { documents { id } } }"
WAIT_S = 120.0
"""Bound of every wait on an observable state (reached only when something is broken)."""
SHORT = {"api_query_timeout_s": 2.0, "api_graph_wait_s": 3.0, "api_ready_timeout_s": 2.0}


def _thread_states(pid: int) -> list[str]:
    states = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            states.append((task / "stat").read_text().rsplit(")", 1)[1].split()[0])
        except (FileNotFoundError, ProcessLookupError):  # a thread that ended meanwhile
            continue
    return states


def _stopped(pid: int) -> bool:
    """True when EVERY thread of the process is stopped (state T).

    `kill(pid, SIGSTOP)` returns before that: the kernel wakes one thread to take the signal, and that
    thread stops the others once it is scheduled. Until then the rest of the JVM runs — and answers:
    on a loaded machine, long enough for a request sent right after the kill to be served (the cause
    of this test's old flake: /readyz answered 200 "while Neo4j was stopped")."""
    states = _thread_states(pid)
    return bool(states) and all(state == "T" for state in states)


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {WAIT_S:g} s for {what}")
        time.sleep(0.005)


@contextmanager
def _frozen(pid: int) -> Iterator[None]:
    """Neo4j stopped for the block: entered once every thread is stopped, resumed on the way out."""
    os.kill(pid, signal.SIGSTOP)
    try:
        _wait_for(lambda: _stopped(pid), "every Neo4j thread to stop")
        yield
    finally:
        os.kill(pid, signal.SIGCONT)
    _wait_for(lambda: "T" not in _thread_states(pid), "Neo4j to run again")


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


def _until_answering(client: TestClient, token: str) -> float:
    """Seconds until /readyz says ready and a GraphQL read answers. A cold server (planning, JIT) or one
    catching up after SIGCONT may miss the test's short deadlines a few times on a loaded machine: a
    state to wait for, not a failure; the bound says when it is one."""
    t0 = time.monotonic()
    last: Any = None
    while time.monotonic() - t0 < WAIT_S:
        ready = client.get("/readyz")
        if ready.status_code == 200:
            body = _gql(client, token, DOCS)
            if "errors" not in body:
                return time.monotonic() - t0
            last = body["errors"]
        else:
            last = ready.json()
        time.sleep(0.1)
    raise AssertionError(f"the API did not answer within {WAIT_S:g} s: {last}")


def test_frozen_neo4j_answers_unavailable_while_frozen_then_recovers(
    live_neo4j: tuple[Settings, int], tmp_path: Path
) -> None:
    s, pid = live_neo4j
    app, tokens = make_app(s.model_copy(update=SHORT), tmp_path / "state")
    with TestClient(app) as client:
        _until_answering(client, tokens["investigator"])  # warm: the first queries of a cold server

        with _frozen(pid):
            with ThreadPoolExecutor(4) as pool:  # several requests at once, as under real load
                ready = pool.submit(client.get, "/readyz")
                queries = [pool.submit(_gql, client, tokens[r], DOCS) for r in ("investigator", "analyst")]
                health = client.get("/healthz")
                ready_result, query_results = ready.result(), [q.result() for q in queries]
            # every answer came while Neo4j was still frozen: nothing waited for the freeze to end
            assert _stopped(pid)
            assert health.status_code == 200
            assert ready_result.status_code == 503, ready_result.text
            assert ready_result.json()["status"] == "unavailable"
            reason = ready_result.json()["reason"]
            assert "did not answer within 2 s" in reason and "lantern neo4j status" in reason
            assert "bolt://" not in ready_result.text
            for result in query_results:
                assert result["data"] is None
                error = result["errors"][0]
                assert error["extensions"]["code"] == "GRAPH_UNAVAILABLE"
                # the deadline passed, or the driver saw its connection closed under it
                assert "did not answer within 3 s" in error["message"] or "not reachable" in error["message"]
            again = _gql(client, tokens["admin"], DOCS)  # a fresh driver: also bounded
            assert again["errors"][0]["extensions"]["code"] == "GRAPH_UNAVAILABLE" and _stopped(pid)
            still = client.get("/readyz")  # asked again: nothing remembered from before the freeze
            assert still.status_code == 503 and _stopped(pid)

        took = _until_answering(client, tokens["investigator"])  # the same app recovers, no restart
        print(f"/readyz 200 and a GraphQL read answered {took:.2f} s after SIGCONT")


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


def _ingested(body: dict[str, Any]) -> bool:
    return bool(body.get("data")) and body["data"]["ingestDocuments"]["documents"][0]["ok"]


def _until_ingested(client: TestClient, token: str, doc_id: str) -> None:
    """Ingest `doc_id` until it is written (bounded): re-running an ingest is safe by design, and the
    first write of a cold server, or the first after SIGCONT, may miss the watchdog's short pings."""
    deadline = time.monotonic() + WAIT_S
    body = _ingest(client, token, doc_id)
    while not _ingested(body):
        assert time.monotonic() < deadline, body
        time.sleep(0.1)
        body = _ingest(client, token, doc_id)


def _document_ids(db: Database) -> set[str]:
    return {r["id"] for r in db.read("ingest/document_hashes", ids=[f"frozen-write-{i}" for i in range(5)])}


def test_frozen_neo4j_bounds_writes_through_the_synchronous_driver(
    live_neo4j: tuple[Settings, int], db: Database, tmp_path: Path
) -> None:
    """Mutations run the stage modules' synchronous driver code in a worker thread, where no client-side
    read timeout exists: the watchdog (GraphAccess.run_blocking) must answer GRAPH_UNAVAILABLE while
    Neo4j is still frozen, for a write whose driver was open before the freeze and for one that has to
    connect during it; neither may be written later (by the driver's retry, or by a connection that
    completes after SIGCONT), and the same app must write again after SIGCONT."""
    s, pid = live_neo4j
    app, tokens = make_app(s.model_copy(update=SHORT), tmp_path / "state")
    with TestClient(app) as client:
        _until_answering(client, tokens["investigator"])
        _until_ingested(client, tokens["investigator"], "frozen-write-0")
        access = app.state.lantern.graph

        with _frozen(pid):
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

        # the abandoned workers end (the second one was still connecting: it completes after SIGCONT and
        # must then stop instead of writing); only then can "never written" be checked
        _wait_for(lambda: access.abandoned_work() == 0, "the abandoned writes' workers to end")
        _until_ingested(client, tokens["investigator"], "frozen-write-3")  # the same app writes again
        assert _document_ids(db) == {"frozen-write-0", "frozen-write-3"}


def test_frozen_neo4j_in_the_middle_of_a_write_transaction_leaves_nothing_half_written(
    live_neo4j: tuple[Settings, int], db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neo4j freezes while an ingest's transaction is open — its document, entities, mentions and facts
    already sent, the content hashes (its last statement) not yet: GRAPH_UNAVAILABLE while still frozen,
    the worker freed without the server, and after SIGCONT the graph is exactly as before the write (the
    transaction rolled back, not retried); the same write then succeeds."""
    s, pid = live_neo4j
    target = "frozen-write-4"
    in_tx, go_on = threading.Event(), threading.Event()
    send = ingest_tx._DriverTx.send

    def held_send(self: ingest_tx._DriverTx, name: str, **params: Any) -> ingest_tx.Sent:
        if name == "ingest/set_content_hashes" and any(r["id"] == target for r in params["rows"]):
            if not in_tx.is_set():
                in_tx.set()
                go_on.wait(WAIT_S)  # the test freezes Neo4j now; this statement then meets a frozen server
        return send(self, name, **params)

    monkeypatch.setattr(ingest_tx._DriverTx, "send", held_send)
    app, tokens = make_app(s.model_copy(update=SHORT), tmp_path / "state")
    with TestClient(app) as client:
        _until_answering(client, tokens["investigator"])
        _until_ingested(client, tokens["investigator"], "frozen-write-0")
        access = app.state.lantern.graph
        before = canonical_dump(db)

        with ThreadPoolExecutor(1) as pool:
            write = pool.submit(_ingest, client, tokens["investigator"], target)
            try:
                assert in_tx.wait(WAIT_S), "the write never reached its last statement"
                with _frozen(pid):
                    go_on.set()
                    cut = write.result(timeout=WAIT_S)
                    assert _stopped(pid)  # answered while Neo4j was still frozen
                    assert cut["data"] is None
                    error = cut["errors"][0]
                    assert error["extensions"]["code"] == "GRAPH_UNAVAILABLE", error
                    assert "rolled back" in error["message"] and "not retried" in error["message"]
                    # the worker is freed without the server: its sockets were shut down, no retry
                    _wait_for(lambda: access.abandoned_work() == 0, "the abandoned write's worker to end")
                    assert _stopped(pid)
            finally:
                go_on.set()  # a failed assertion must not leave the worker held

        _until_answering(client, tokens["investigator"])
        assert canonical_dump(db) == before  # nothing of the cut transaction, and it did not run again
        _until_ingested(client, tokens["investigator"], target)
        assert _document_ids(db) == {"frozen-write-0", target}
