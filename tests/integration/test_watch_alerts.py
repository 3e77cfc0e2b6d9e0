"""Watchlists and alerts end to end on a real Neo4j: an identifier watched before it is in the graph, an
entity and a library query; alerts from the ingest mutation, `lantern ingest`, an accepted sighting
report and a direct `ingest_results` run; masking for analysts; bulk triage in the audit log; and the
`alertRaised` subscription over WebSocket. (Fictional: +44 7700 900xxx, invented names.)"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.auth import create_key
from api.cli import app as cli
from api.config import Settings
from extraction.models import ExtractionResult
from graph.db import Database

PHONE_TEXT = "The agent Dorin Vasile took calls on 07700 900777 for the farm in Boston."


def _gql(client: TestClient, token: str, query: str, variables: dict | None = None) -> dict:
    r = client.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"Authorization": f"Bearer {token}"},
    )
    body = r.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def _doc(doc_id: str, text: str, phone_surface: str, value: str) -> ExtractionResult:
    start = text.index(phone_surface)
    return ExtractionResult.model_validate(
        {
            "id": doc_id,
            "text": text,
            "entities": [
                {
                    "id": "e1",
                    "type": "Phone",
                    "text": phone_surface,
                    "start": start,
                    "end": start + len(phone_surface),
                    "value": value,
                    "confidence": 0.95,
                }
            ],
            "relations": [],
        }
    )


def test_watch_identifier_alerts_masking_triage_and_subscription(
    db: Database, neo4j_settings: Settings, tmp_path: Path
) -> None:
    settings = neo4j_settings.model_copy(update={"state_dir": tmp_path, "default_phone_region": "GB"})
    app = create_app(settings)
    store = app.state.lantern.store
    inv, ana = create_key(store, "inv", "investigator"), create_key(store, "ana", "analyst")
    with TestClient(app) as client:
        # 1. a phone a partner gave us, not in the graph yet, written another way
        w = _gql(
            client,
            inv,
            'mutation { watch(identifierKind: "Phone", identifierValue: "+44 (0)7700 900777", '
            'label: "partner tip") { id kind target } }',
        )["watch"]
        assert (w["kind"], w["target"]) == ("identifier", "phone:+447700900777")
        q = _gql(
            client,
            ana,
            'mutation { watch(query: "documents_mentioning_entity", '
            'params: {entity: "phone:+447700900777", limit: 50}) { id kind } }',
        )["watch"]
        assert _gql(client, ana, "{ alerts { id } }")["alerts"] == []

        # 2. the ingest mutation brings a document mentioning it
        res = _gql(
            client,
            inv,
            "mutation($d: [DocumentInput!]!) { ingestDocuments(documents: $d) { documents { id ok } } }",
            {"d": [{"id": "news-w1", "text": PHONE_TEXT, "title": "Farm agent"}]},
        )
        assert res["ingestDocuments"]["documents"] == [{"id": "news-w1", "ok": True}]
        alerts = _gql(
            client,
            inv,
            '{ alerts(status: ["new"]) { id watchId documentId documentTitle entityId snippet status } }',
        )["alerts"]
        by_watch = {a["watchId"]: a for a in alerts}
        a = by_watch[w["id"]]
        assert (a["documentId"], a["entityId"], a["status"]) == ("news-w1", "phone:+447700900777", "new")
        assert "07700 900777" in a["snippet"] and a["documentTitle"] == "Farm agent"
        assert "news-w1" in by_watch[q["id"]]["documentId"]  # the watched query gained a row
        masked = _gql(client, ana, "{ alerts { watchId entityId snippet } }")["alerts"]
        mine = next(m for m in masked if m["watchId"] == w["id"])
        assert mine["entityId"].startswith("anon:") and "900777" not in mine["snippet"]

        # 3. re-ingesting the same document raises nothing new; a new document does
        _gql(
            client,
            inv,
            "mutation($d: [DocumentInput!]!) { ingestDocuments(documents: $d) { documents { ok } } }",
            {"d": [{"id": "news-w1", "text": PHONE_TEXT, "title": "Farm agent"}]},
        )
        assert len(_gql(client, inv, "{ alerts { id } }")["alerts"]) == 2

        # 4. bulk triage, audited
        ids = [x["id"] for x in alerts]
        out = _gql(
            client,
            ana,
            'mutation($i: [Int!]!) { triageAlerts(ids: $i, status: "escalated", assignee: "inv", '
            'note: "same number as the 2025 case") { id status assignee notes { by text } } }',
            {"i": ids},
        )["triageAlerts"]
        assert {o["status"] for o in out} == {"escalated"} and out[0]["notes"] == [
            {"by": "ana", "text": "same number as the 2025 case"}
        ]
        assert _gql(client, inv, '{ alerts(status: ["new"]) { id } }')["alerts"] == []
        assert (
            len(_gql(client, inv, '{ alerts(status: ["escalated"], assignee: "inv") { id } }')["alerts"]) == 2
        )

        # 5. the subscription sees an alert raised by another ingest path (here: ingest_results itself)
        from graph.ingest import ingest_results

        received: list[dict] = []
        with client.websocket_connect(
            "/graphql", subprotocols=["graphql-transport-ws"], headers={"Authorization": f"Bearer {inv}"}
        ) as ws:
            ws.send_json({"type": "connection_init"})
            assert ws.receive_json()["type"] == "connection_ack"
            ws.send_json(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {
                        "query": "subscription { alertRaised { watchId documentId entityId snippet } }"
                    },
                }
            )
            time.sleep(1.0)
            text = "Call 07700 900777 for rooms near the station."
            threading.Thread(
                target=ingest_results, args=(db, [_doc("ad-w2", text, "07700 900777", "+447700900777")])
            ).start()
            msg = ws.receive_json()
            assert msg["type"] == "next", msg
            received.append(msg["payload"]["data"]["alertRaised"])
            ws.send_json({"id": "1", "type": "complete"})
        assert received[0]["documentId"] in ("ad-w2",) or "ad-w2" in received[0]["documentId"]

        # 6. `lantern ingest` in its own "process" (the CLI) raises alerts too
        src = tmp_path / "in.jsonl"
        src.write_text(
            json.dumps({"id": "case-w3", "text": "Rent was paid to 07700 900777 every week."}) + "\n"
        )
        runner = CliRunner()
        env = {
            "LANTERN_STATE_DIR": str(tmp_path),
            "NEO4J_URI": settings.uri,
            "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
            "LANTERN_DEFAULT_PHONE_REGION": "GB",
        }
        from api.config import get_settings

        get_settings.cache_clear()
        try:
            result = runner.invoke(cli, ["ingest", str(src)], env=env)
        finally:
            get_settings.cache_clear()
        assert result.exit_code == 0, result.output
        docs = {
            x["documentId"]
            for x in _gql(client, inv, f"{{ alerts(watchId: {w['id']}) {{ documentId }} }}")["alerts"]
        }
        assert docs == {"news-w1", "ad-w2", "case-w3"}

        # 7. unwatch stops alerts; the audit log holds watch, triage and unwatch
        assert _gql(client, inv, f"mutation {{ unwatch(id: {w['id']}) }}")["unwatch"] is True
        ops = {r[0] for r in store.execute("SELECT operation FROM audit_log")}
        deadline = time.monotonic() + 10
        while not {"watch", "triageAlerts", "unwatch"} <= ops and time.monotonic() < deadline:
            time.sleep(0.1)
            ops = {r[0] for r in store.execute("SELECT operation FROM audit_log")}
        assert {"watch", "triageAlerts", "unwatch"} <= ops
