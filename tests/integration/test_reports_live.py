"""Sighting reports end to end on a real server and Neo4j: anonymous posts (behind a trusted proxy that
forwards the client address), the moderation queue through GraphQL (masking, audit log), accepted reports
as SightingReport documents that feed hotspots, spam kept out of the graph — and afterwards no client
address, user agent or cookie anywhere: the graph, the state store files, the captured logs."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from api.app import create_app
from api.config import Settings
from graph.db import Database
from tests.integration.live_api import live_api

CLIENT = "192.0.2.201"
UA = "ProbeAgent/9.1 (fictional)"
COOKIE = "tracker=cookie-probe-7c2e"
HEADERS = {"X-Forwarded-For": CLIENT, "User-Agent": UA, "Cookie": COOKIE}
MOVED = ("A man named Victor Hale recruited two girls in Bradford and transported them to "
         "Leeds. He answered on +44 7700 900456.")  # fmt: skip


def _post(base: str, body: dict) -> httpx.Response:
    return httpx.post(f"{base}/api/reports", json=body, headers=HEADERS, timeout=30)


def _audit_operations(api, wait_for: set[str]) -> set[str]:
    deadline = time.monotonic() + 10
    while True:
        rows = api.app.state.lantern.store.execute("SELECT operation FROM audit_log")
        ops = {r[0] for r in rows}
        if wait_for <= ops or time.monotonic() > deadline:
            return ops
        time.sleep(0.1)


def test_reports_are_anonymous_moderated_and_feed_hotspots(
    db: Database, neo4j_settings: Settings, tmp_path: Path
) -> None:
    app = create_app(neo4j_settings.model_copy(update={"state_dir": tmp_path}))
    with live_api(app) as api:
        moved = _post(
            api.base,
            {
                "text": MOVED,
                "place": "Bradford",
                "observed_at": "2026-11-29T21:40",
                "category": "SexTrafficking",
            },
        )
        night = "Workers locked in a unit at night."
        cell = _post(api.base, {"text": night, "lat": 53.79485, "lon": -1.75418, "observed_at": "2026-11-30"})
        spam = _post(api.base, {"text": "Buy cheap watches at example.com!!!", "place": "Nowhere",
                                "observed_at": "2026-11-30"})  # fmt: skip
        assert [r.status_code for r in (moved, cell, spam)] == [202, 202, 202]
        r_moved, r_cell, r_spam = (r.json()["receipt"] for r in (moved, cell, spam))

        q = "{ sightingReports { receipt text cellLat cellLon status } }"
        pending = {r["receipt"]: r for r in api.gql("analyst", q)["data"]["sightingReports"]}
        assert set(pending) == {r_moved, r_cell, r_spam}
        masked = pending[r_moved]["text"]  # analyst: masked
        assert "900456" not in masked and "[phone]" in masked
        assert (pending[r_cell]["cellLat"], pending[r_cell]["cellLon"]) == (53.75, -1.75)
        clear = api.gql("investigator", q)["data"]["sightingReports"]
        assert any("+44 7700 900456" in r["text"] for r in clear)  # investigator: in clear, and audited

        m = "mutation($r: [String!]!) { acceptReports(receipts: $r) { receipt status ok documentId error } }"
        accepted = api.gql("analyst", m, {"r": [r_moved, r_cell, "r_unknown"]})["data"]["acceptReports"]
        by = {a["receipt"]: a for a in accepted}
        assert by[r_moved]["ok"] and by[r_moved]["documentId"] == f"report:{r_moved}"
        assert by[r_cell]["status"] == "accepted" and not by["r_unknown"]["ok"]
        rejected = api.gql("analyst", m.replace("acceptReports", "rejectReports"), {"r": [r_spam, r_moved]})
        outcome = {x["receipt"]: x for x in rejected["data"]["rejectReports"]}
        assert outcome[r_spam]["status"] == "rejected" and outcome[r_moved]["error"] == "already accepted"
        left = api.gql("analyst", "{ sightingReports { receipt } }")["data"]["sightingReports"]
        assert left == []

        docs = api.gql("analyst", '{ documents(kind: "SightingReport") { documents { id } } }')
        ids = {d["id"] for d in docs["data"]["documents"]["documents"]}
        assert ids == {f"report:{r_moved}", f"report:{r_cell}"}  # the spam never reached the graph
        hot = api.gql("analyst", "{ hotspots { location { name } docCount } }")["data"]["hotspots"]
        assert any(h["location"]["name"] == "Leeds" and h["docCount"] >= 1 for h in hot), hot
        props = db.read("ingest/dump_nodes")
        doc = next(n["props"] for n in props if n["props"].get("id") == f"report:{r_cell}")
        assert "SightingReport" in next(n["labels"] for n in props if n["props"].get("id") == doc["id"])
        assert (doc["cell_lat"], doc["cell_lon"], doc["moderation"]) == (53.75, -1.75, "accepted")

        ops = _audit_operations(api, {"acceptReports", "rejectReports"})
        assert {"acceptReports", "rejectReports"} <= ops and any("sightingReports" in op for op in ops)

        graph_text = repr(props) + repr(db.read("ingest/dump_relationships"))
    state_bytes = b"".join(p.read_bytes() for p in sorted(tmp_path.glob("lantern-api.sqlite*")))
    logs = api.logs.text()
    assert '"POST /api/reports HTTP/1.1" 202' in logs  # the access log was captured ...
    for probe in (CLIENT, UA, "cookie-probe-7c2e", "ProbeAgent"):  # ... and holds no client identifier
        assert probe not in logs, probe
        assert probe not in graph_text, probe
        assert probe.encode() not in state_bytes, probe
