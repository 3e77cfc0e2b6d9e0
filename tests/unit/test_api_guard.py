"""Request guard, cost estimate, error shaping (no database: `me` and refusals never reach Neo4j)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from graphql import parse

from api.app import create_app
from api.auth import create_key
from api.config import Settings
from api.cost import count_selections, operation_cost
from api.graphql.schema import build_schema
from api.limits import DocumentCache, SizedLRU
from tests.aio import run as aio_run

HEAVY = "{ neighbourhood(id: $id, depth: 3, limit: 200) { nodes { evidence(limit: 200) { documentId } } } }"


def _client(tmp_path: Path, **overrides: Any) -> tuple[TestClient, dict[str, str]]:
    s = Settings(neo4j_uri="bolt://127.0.0.1:1", state_dir=tmp_path, **overrides)
    app = create_app(s)
    store = app.state.lantern.store
    keys = {role: create_key(store, f"guard-{role}", role) for role in ("admin", "auditor")}
    return TestClient(app), keys


def _post(client: TestClient, key: str, query: str, **extra: Any) -> Any:
    return client.post("/graphql", json={"query": query, **extra}, headers={"Authorization": f"Bearer {key}"})


def test_cost_multiplies_limits_and_depth_through_variables_and_fragments() -> None:
    schema = build_schema(Settings())._schema
    heavy = parse(HEAVY.replace("$id", '"x"'))
    assert operation_cost(schema, heavy, None, None) == 1 + 600 * (1 + (1 + 200 * 1))
    via_variables = parse(
        'query Q($d: Int!, $l: Int = 50) { neighbourhood(id: "x", depth: $d, limit: $l) '
        "{ nodes { ...F } } } fragment F on Entity { id name }"
    )
    assert operation_cost(schema, via_variables, "Q", {"d": 2}) == 1 + 100 * (1 + 2)
    search = parse('{ search(text: "x") { hits { score matched } } }')  # schema default limit 20
    assert operation_cost(schema, search, None, None) == 1 + 20 * (1 + 2)
    report = parse(
        '{ keyJudgementReport(from: "2024-01-01", to: "2024-12-31") { title keyJudgements { text } } }'
    )
    # declared work (backtests): at the heavy-lane threshold, plus its selections
    assert operation_cost(schema, report, None, None) == 1 + Settings().api_heavy_cost + (1 + (1 + 1))


def test_selection_count_stops_early_on_duplicates_and_fragment_fan_out() -> None:
    many = parse("{ me { " + "role " * 20_000 + "} }")
    assert count_selections(many, 500)[0] == 501  # stopped at the limit, not 20,001
    fan = "query { ...A0 } " + " ".join(
        f"fragment A{i} on Query {{ ...A{i + 1} ...A{i + 1} }}" for i in range(30)
    )
    fan += " fragment A30 on Query { me { role } }"
    assert count_selections(parse(fan), 500)[0] == 501  # 2**30 spreads never walked


def test_sized_lru_is_bounded_by_total_text_length() -> None:
    cache = SizedLRU(max_entries=100, max_weight=1_000)
    for i in range(10):
        cache.put(i, "doc", 300)
    assert len(cache) == 3 and cache.weight == 900 and cache.get(9) == "doc" and cache.get(0) is None
    cache.put("huge", "doc", 5_000)  # larger than the whole cache: not kept, nothing evicted
    assert cache.get("huge") is None and len(cache) == 3


def test_body_query_size_fields_and_cost_are_refused_with_clear_errors(tmp_path: Path) -> None:
    client, keys = _client(
        tmp_path, api_max_body_bytes=10_000, api_max_query_chars=2_000, api_max_fields=100, api_max_tokens=800
    )
    big = client.post(
        "/graphql", content=b"{" + b" " * 20_000 + b"}", headers={"content-type": "application/json"}
    )
    assert big.status_code == 413
    long_text = _post(client, keys["admin"], "{ me { role } }" + " " * 3_000)
    assert long_text.status_code == 400
    assert long_text.json()["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    tokens = _post(client, keys["admin"], "{ me { " + "a " * 900 + "} }")  # under 2,000 characters
    assert tokens.status_code == 400 and "more than 800 tokens" in tokens.json()["errors"][0]["message"]
    fields = _post(client, keys["admin"], "{ me { " + "role " * 390 + "} }")
    assert fields.status_code == 400 and "more than 100 fields" in fields.json()["errors"][0]["message"]
    costly = _post(client, keys["auditor"], HEAVY.replace("$id", '"x"'))
    error = costly.json()["errors"][0]
    assert costly.status_code == 400 and error["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert error["extensions"]["budget"] == 50_000 and error["extensions"]["cost"] > 100_000
    assert "limit, depth or maxHops" in error["message"]
    cheap = _post(client, keys["auditor"], "{ me { role } }")
    assert cheap.status_code == 200 and cheap.json()["data"]["me"]["role"] == "auditor"


def test_rate_limit_per_key_answers_429_with_retry_after(tmp_path: Path) -> None:
    client, keys = _client(tmp_path, api_rate_limit="3/minute")
    answers = [_post(client, keys["admin"], "{ me { role } }").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = _post(client, keys["admin"], "{ me { role } }")
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert _post(client, keys["auditor"], "{ me { role } }").status_code == 200  # another key: own budget


def test_errors_are_short_carry_an_id_and_log_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    client, keys = _client(tmp_path)
    huge = "x" * 15_000
    with caplog.at_level(logging.INFO, logger="lantern.api.errors"):
        res = _post(client, keys["admin"], '{ search(text: "a", limit: "' + huge + '") { normalised } }')
    error = res.json()["errors"][0]
    assert len(error["message"]) < 700 and "more characters not shown" in error["message"]
    lines = [r for r in caplog.records if r.name == "lantern.api.errors"]
    assert len(lines) == 1 and error["extensions"]["errorId"] in lines[0].getMessage()
    assert lines[0].exc_info is None and len(lines[0].getMessage()) < 800


def test_hygiene_headers_no_docs_and_nul_path(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    r = client.get("/healthz")
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "http" not in csp
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/docs").status_code == 404 and client.get("/openapi.json").status_code == 404
    assert client.get("/explore/static/%00").status_code == 404
    ready = client.get("/readyz")  # Neo4j at port 1: refused at once
    assert ready.status_code == 503 and "bolt://" not in ready.text and "127.0.0.1:1" not in ready.text


def test_document_cache_keeps_no_text_over_its_budget() -> None:
    schema = build_schema(Settings())
    DocumentCache._documents.clear()
    DocumentCache.remember_document(schema, "{ me { role } }" + " " * (DocumentCache.MAX_CHARS + 1), object())
    assert len(DocumentCache._documents) == 0


def test_a_second_run_analysis_is_refused_while_one_runs(tmp_path: Path) -> None:
    client, keys = _client(tmp_path)
    lock = client.app.state.lantern.analysis_lock  # type: ignore[attr-defined]
    assert lock.acquire(blocking=False)  # as a running analysis holds it
    try:
        res = _post(client, keys["admin"], "mutation { runAnalysis { id } }").json()
    finally:
        lock.release()
    assert res["errors"][0]["extensions"]["code"] == "BUSY"
    assert "already running" in res["errors"][0]["message"]


def test_in_flight_cap_per_key_and_heavy_operations_run_on_the_lane(tmp_path: Path) -> None:
    import asyncio
    import threading

    import httpx

    from api.guard import RequestGuard

    s = Settings(neo4j_uri="bolt://127.0.0.1:1", state_dir=tmp_path, api_max_concurrent_per_key=1)
    state = create_app(s).state.lantern
    key = create_key(state.store, "cap", "investigator")
    release = asyncio.Event()
    threads: list[str] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:  # stands in for the app
        threads.append(threading.current_thread().name)
        if b"slow" in (await receive()).get("body", b""):
            await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    guard = RequestGuard(inner, build_schema(s), state)

    async def scenario() -> list[int]:
        transport = httpx.ASGITransport(app=guard)
        auth = {"Authorization": f"Bearer {key}"}
        async with httpx.AsyncClient(transport=transport, base_url="http://t", headers=auth) as c:
            slow = asyncio.create_task(c.post("/graphql", json={"query": "{ me { role } } # slow"}))
            await asyncio.sleep(0.2)
            second = await c.post("/graphql", json={"query": "{ me { role } }"})
            release.set()
            first = await slow
            within_budget = HEAVY.replace("$id", '"x"').replace("depth: 3", "depth: 2")  # cost 80,801
            heavy = await c.post("/graphql", json={"query": within_budget})
            return [first.status_code, second.status_code, heavy.status_code]

    assert aio_run(scenario()) == [200, 429, 200]
    assert threads[0] != "lantern-heavy-lane" and threads[-1] == "lantern-heavy-lane"
    state.lane.stop()
