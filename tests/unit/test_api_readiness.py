"""/readyz's ping (`GraphAccess.aping`) without a database: ready only on the ping's own row, a read
that never answers ends at the deadline, and a read cut short that hands back no row is not "ready".

The frozen-server behaviour against the real Neo4j: tests/reliability/test_api_frozen_neo4j.py."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

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
