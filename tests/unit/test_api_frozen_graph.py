"""A stalled Neo4j seen from the API, without a database: /readyz's ping (`GraphAccess.aping`) is ready
only on the ping's own row, a read that never answers ends at the deadline, a read cut short that hands
back no row is not "ready"; a write the watchdog (`GraphAccess.run_blocking`) gave up on never starts
late and never reconnects.

The same against the real Neo4j, frozen with SIGSTOP: tests/reliability/test_api_frozen_neo4j.py."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest
from graphql import GraphQLError

from api.config import Settings
from api.graph_access import GraphAccess
from tests.aio import run as aio_run

URI = "bolt://127.0.0.1:1"


def _access(monkeypatch: pytest.MonkeyPatch, read: Any) -> GraphAccess:
    async def fake_read(self: GraphAccess, driver: Any, name: str, timeout: float, params: Any) -> Any:
        assert name == "platform/ping"
        return await read()

    monkeypatch.setattr(GraphAccess, "_read_async", fake_read)
    return GraphAccess(Settings(neo4j_uri=URI))


async def _ping(access: GraphAccess, timeout: float) -> tuple[bool, str, float]:
    t0 = time.monotonic()
    try:
        ok, reason = await access.aping(timeout)
        return ok, reason, time.monotonic() - t0
    finally:
        await access.aclose()


def test_ready_only_with_the_pings_row(monkeypatch: pytest.MonkeyPatch) -> None:
    async def answered() -> list[dict[str, Any]]:
        return [{"ok": 1, "neo4j": "5.26.0"}]

    ok, reason, _ = aio_run(_ping(_access(monkeypatch, answered), 1.0))
    assert (ok, reason) == (True, "ok")


@pytest.mark.parametrize("rows", [[], [{"ok": None}], [{"neo4j": "5.26.0"}]])
def test_an_answer_without_the_row_is_not_ready(monkeypatch: pytest.MonkeyPatch, rows: list[Any]) -> None:
    async def empty() -> list[dict[str, Any]]:
        return rows

    ok, reason, _ = aio_run(_ping(_access(monkeypatch, empty), 1.0))
    assert not ok
    assert "without its row" in reason and "lantern neo4j status" in reason


def test_a_server_that_never_answers_ends_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    async def frozen() -> list[dict[str, Any]]:
        await asyncio.sleep(3600)  # a SIGSTOPped Neo4j: the connection is open, no byte comes back
        return [{"ok": 1}]

    ok, reason, took = aio_run(_ping(_access(monkeypatch, frozen), 0.2))
    assert not ok
    assert "did not answer within 0.2 s" in reason and "lantern neo4j status" in reason
    assert URI not in reason
    assert took < 3600  # answered at the deadline, not when the "server" woke up


def test_a_read_cut_at_the_deadline_that_swallows_the_cancel_is_not_ready(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python 3.11's `asyncio.wait_for` returns whatever a cancelled read returns: a read that catches
    the cancellation and hands back an empty result must not turn a stalled server into "ready"."""

    async def swallowing() -> list[dict[str, Any]]:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            return []
        return [{"ok": 1}]

    ok, reason, _ = aio_run(_ping(_access(monkeypatch, swallowing), 0.2))
    assert not ok
    assert "did not answer within 0.2 s" in reason or "without its row" in reason


class _Stuck:
    """A synchronous Database stand-in whose driver is abandoned while the work waits on it."""

    def __init__(self) -> None:
        self.abandoned: list[str] = []
        self.released = threading.Event()

    def abandon(self, reason: str) -> None:
        self.abandoned.append(reason)
        self.released.set()  # closing the real driver shuts its sockets down: the worker wakes


def _frozen_access(monkeypatch: pytest.MonkeyPatch) -> GraphAccess:
    async def no_answer(self: GraphAccess, timeout: float) -> tuple[bool, str]:
        return False, f"Neo4j did not answer within {timeout:g} s"

    monkeypatch.setattr(GraphAccess, "aping", no_answer)
    return GraphAccess(Settings(neo4j_uri=URI, api_graph_wait_s=0.2))


async def _give_up(access: GraphAccess, work: Any, then: Any = None) -> GraphQLError:
    try:
        await access.run_blocking(work, "The ingest")
    except GraphQLError as exc:
        if then is not None:
            then()
        return exc  # asyncio.run then waits for the worker thread (its default executor) to end
    raise AssertionError("run_blocking answered although Neo4j never did")


def test_a_write_given_up_abandons_its_driver_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    access = _frozen_access(monkeypatch)
    db = _Stuck()
    access._db = db  # type: ignore[assignment]  # the driver opened before the freeze

    def work(d: Any) -> str:
        assert d is db
        d.released.wait(60)
        return "written"

    error = aio_run(_give_up(access, work))
    assert error.extensions and error.extensions["code"] == "GRAPH_UNAVAILABLE"
    assert "not retried" in error.message and "retry" in error.message
    assert db.abandoned == ["The ingest was abandoned: Neo4j stopped answering while it ran"]
    assert access._db is None  # the next write opens a fresh driver


def test_a_write_still_connecting_when_given_up_never_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker was opening its driver (a connection attempt to a frozen server) when the request
    answered GRAPH_UNAVAILABLE; the server then resumes and the connection succeeds: the work must not
    run after its caller was told it was abandoned."""
    access = _frozen_access(monkeypatch)
    connected = threading.Event()
    started: list[Any] = []

    def connect_when_the_server_resumes() -> Any:
        connected.wait(60)
        return _Stuck()

    monkeypatch.setattr(access, "database", connect_when_the_server_resumes)
    error = aio_run(_give_up(access, started.append, then=connected.set))
    assert error.extensions and error.extensions["code"] == "GRAPH_UNAVAILABLE"
    assert started == []  # the worker ended (asyncio.run waited for it) without starting the work
