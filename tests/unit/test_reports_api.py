"""Public sighting reports without a database: validation, coarse cells, size and rate limits (413, 422,
429), the flood test (one client held, another client and GraphQL unaffected, nothing accepted lost),
and that no client address, user agent or cookie reaches the state store."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from api.auth import create_key
from api.config import Settings
from api.reports.config import ReportSettings
from api.reports.model import ReportIn, coarse_cell
from api.reports.ratelimit import ClientLimiter
from api.reports.service import ScrubClientAddress, install
from api.state import StateStore
from tests.aio import run as aio_run

CLIENT_A = "198.51.100.23"
CLIENT_B = "203.0.113.77"
UA = "ProbeAgent/7.3 (fictional)"
COOKIE = "session=cookie-probe-41f9"
REPORT = {
    "text": "Two vans dropped workers at a car wash at night.",
    "place": "Leeds",
    "observed_at": "2026-11-30",
}


def _app(tmp_path: Path, rate: str = "5/minute", global_rate: str = "10000/minute"):
    app = create_app(Settings(state_dir=tmp_path, neo4j_uri="bolt://127.0.0.1:1"))
    install(app, app.state.lantern, ReportSettings(rate=rate, global_rate=global_rate, max_body_bytes=2048,
                                                   max_text_chars=500))  # fmt: skip
    return app


def _client(app, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 51000))
    headers = {"User-Agent": UA, "Cookie": COOKIE}
    return httpx.AsyncClient(transport=transport, base_url="http://lantern.test", headers=headers)


def test_coarse_cell_keeps_only_the_cell_centre() -> None:
    assert coarse_cell(53.80079, -1.54923, 0.1) == (53.85, -1.55)
    assert coarse_cell(53.89, -1.501, 0.1) == (53.85, -1.55)  # same cell, same stored value
    assert coarse_cell(-33.8688, 151.2093, 0.5) == (-33.75, 151.25)


def test_report_validation_messages() -> None:
    ok = ReportIn.model_validate({**REPORT, "observed_at": "2026-11-30T22:47:13", "category": "ForcedLabour"})
    assert ok.observed_text() == "2026-11-30T22:00"
    for bad, reason in (
        ({"text": "seen", "observed_at": "2026-11-30"}, "say where"),
        ({**REPORT, "lat": 53.8}, "both lat and lon"),
        ({**REPORT, "category": "Robbery"}, "category must be one of"),
        ({**REPORT, "observed_at": "2099-01-01"}, "in the future"),
        ({**REPORT, "ip": "1.2.3.4"}, "Extra inputs are not permitted"),
    ):
        with pytest.raises(ValueError, match=reason):
            ReportIn.model_validate(bad)


def test_limiter_keys_are_salted_per_process_and_hold_a_client() -> None:
    a, b = ClientLimiter("3/minute", "100/minute"), ClientLimiter("3/minute", "100/minute")
    assert a.key(CLIENT_A) != b.key(CLIENT_A) and CLIENT_A not in a.key(CLIENT_A)
    assert [a.hit(CLIENT_A) for _ in range(4)][:3] == [None, None, None]
    assert (a.hit(CLIENT_A) or 0) >= 1 and a.hit(CLIENT_B) is None


def test_access_log_line_of_a_report_loses_the_client_address() -> None:
    rec = logging.LogRecord("uvicorn.access", 20, "", 0, '%s - "%s %s HTTP/%s" %d',
                            (f"{CLIENT_B}:5000", "POST", "/api/reports", "1.1", 202), None)  # fmt: skip
    ScrubClientAddress().filter(rec)
    assert rec.getMessage() == '- - "POST /api/reports HTTP/1.1" 202'
    other = logging.LogRecord(
        "uvicorn.access", 20, "", 0, "%s %s %s", (f"{CLIENT_B}:1", "GET", "/healthz"), None
    )
    ScrubClientAddress().filter(other)
    assert CLIENT_B in other.getMessage()


def test_post_report_answers_202_413_422_429(tmp_path: Path) -> None:
    async def run() -> None:
        app = _app(tmp_path, rate="3/minute")
        async with _client(app, CLIENT_A) as c:
            r = await c.post("/api/reports", json={**REPORT, "lat": 53.80079, "lon": -1.54923})
            assert r.status_code == 202 and r.json()["receipt"].startswith("r_")
            assert "set-cookie" not in r.headers
            r = await c.post("/api/reports", json={"text": "x", "observed_at": "yesterday"})
            assert r.status_code == 422
            fields = {p["field"] for p in r.json()["problems"]}
            assert {"text", "observed_at"} <= fields
            r = await c.post("/api/reports", content=b"{" + b" " * 3000 + b"}",
                             headers={"Content-Type": "application/json"})  # fmt: skip
            assert r.status_code == 413 and "2048 bytes" in r.json()["error"]
            r = await c.post("/api/reports", json={**REPORT, "text": "y" * 501})
            assert r.status_code == 429  # the 3/minute limit counts every attempt, valid or not
            assert int(r.headers["Retry-After"]) >= 1
        async with _client(app, CLIENT_B) as c:
            r = await c.post("/api/reports", json={**REPORT, "text": "y" * 501})
            assert r.status_code == 413 and "500 characters" in r.json()["error"]
        rows = app.state.reports.queue.page(None, 10, 0)
        assert len(rows) == 1 and (rows[0].cell_lat, rows[0].cell_lon) == (53.85, -1.55)
        assert rows[0].status == "pending" and rows[0].place == "Leeds"

    aio_run(run())


def _state_bytes(state_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(state_dir.glob("lantern-api.sqlite*")))


def test_flood_from_one_client_is_held_while_another_client_and_graphql_work(tmp_path: Path) -> None:
    """2,000 reports from one client (5/minute) against a second client's 20 and 20 GraphQL queries."""

    async def run() -> tuple[list[int], list[int], list[int], set[str]]:
        app = _app(tmp_path, rate="5/minute;30/hour")
        token = create_key(app.state.lantern.store, "moderator", "analyst")
        receipts: set[str] = set()
        async with _client(app, CLIENT_A) as flood, _client(app, CLIENT_B) as other:

            async def one(c: httpx.AsyncClient, n: int) -> int:
                r = await c.post(
                    "/api/reports", json={**REPORT, "text": f"Report number {n} from the street."}
                )
                if r.status_code == 202:
                    receipts.add(r.json()["receipt"])
                return r.status_code

            async def query() -> int:
                r = await other.post("/graphql", json={"query": "{ me { role } }"},
                                     headers={"Authorization": f"Bearer {token}"})  # fmt: skip
                assert r.json() == {"data": {"me": {"role": "analyst"}}}
                return r.status_code

            flood_codes: list[int] = []
            other_codes: list[int] = []
            gql_codes: list[int] = []
            for start in range(0, 2000, 100):
                batch = await asyncio.gather(*(one(flood, n) for n in range(start, start + 100)),
                                             one(other, 10_000 + start), query())  # fmt: skip
                flood_codes += batch[:100]
                other_codes.append(batch[100])
                gql_codes.append(batch[101])
        return flood_codes, other_codes, gql_codes, receipts

    flood_codes, other_codes, gql_codes, receipts = aio_run(run())
    assert flood_codes.count(202) == 5 and flood_codes.count(429) == 1995
    assert other_codes[:5] == [202] * 5 and set(other_codes) == {202, 429}  # B has its own 5/minute
    assert set(gql_codes) == {200}
    store = StateStore.open(tmp_path)
    try:
        stored = {r[0] for r in store.execute("SELECT receipt FROM sighting_reports")}
    finally:
        store.close()
    assert stored == receipts and len(receipts) == 10  # nothing accepted is lost, nothing extra kept
    data = _state_bytes(tmp_path)
    for probe in (CLIENT_A, CLIENT_B, UA, "cookie-probe-41f9", "ProbeAgent"):
        assert probe.encode() not in data, probe


def test_report_form_is_local_and_posts_to_the_api(tmp_path: Path) -> None:
    async def run() -> None:
        app = _app(tmp_path)
        async with _client(app, CLIENT_A) as c:
            page = (await c.get("/report")).text
            js = (await c.get("/report/report.js")).text
            assert (await c.get("/report/report.css")).status_code == 200
            assert (await c.get("/report/secrets.txt")).status_code == 404
        assert 'name="viewport"' in page and "/report/report.js" in page
        assert "http:" not in page and "https:" not in page  # no CDN, no third-party asset
        assert 'fetch("/api/reports"' in js and 'credentials: "omit"' in js

    aio_run(run())
