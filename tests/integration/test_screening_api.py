# ruff: noqa: F811
"""Partner screening against the real API + Neo4j: a partner key reads nothing but its own screening
results (every GraphQL root field and every REST route is tried), hits are explained with a risk band and
no evidence, inputs that did not match leave no trace (state db bytes, logs, Neo4j parameters), quotas."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from starlette.websockets import WebSocketDisconnect

from api.auth import create_key
from api.graph_access import GraphAccess
from graph.privacy import PARTNER_ROUTES
from tests.integration.test_api_fixtures import Api, api, api_graph  # noqa: F401

pytestmark = pytest.mark.usefixtures("api_graph")

SCREEN = """query($ids: [ScreenInput!]!) { screen(identifiers: $ids, region: "GB") {
  reference partner purpose inputs hits invalid quota { used limit }
  results { index kind hit normalised match { method score explanation } risk { band reasons }
            reference nextStep error } } }"""
# fictional values the fixture graph does NOT hold: none may be found anywhere after a check
MISSES = {
    "phone": ("+44 7700 900987", ["+447700900987", "7700900987", "7700 900987"]),
    "email": ("zed.quux@example.org", ["zed.quux@example.org"]),
    "account": ("GB94BARC10201530093459", ["GB94BARC10201530093459", "BARC1020153009"]),
    "name": ("Zebedee Quuxworth", ["zebedee", "quuxworth"]),
}


def _partner(api: Api, name: str = "bank", quota: int = 100) -> str:
    store = api.app.state.lantern.store
    return create_key(store, name, "partner", "Example Bank plc", "AML onboarding checks", quota)


def _post(api: Api, token: str, path: str, **kw: Any) -> Any:
    return api.client.post(path, headers={"Authorization": f"Bearer {token}"}, **kw)


def _placeholder(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path)


def _routes(routes: list[Any], prefix: str = "") -> list[tuple[str, str]]:
    out = []
    for r in routes:
        if hasattr(r, "original_router"):
            out += _routes(
                r.original_router.routes, prefix + (getattr(r.include_context, "prefix", "") or "")
            )
        else:
            out += [(prefix + r.path, m) for m in sorted(getattr(r, "methods", None) or ["WEBSOCKET"])]
    return out


def test_a_partner_key_is_refused_by_every_graphql_root_field(api: Api) -> None:
    token = _partner(api)
    schema = api.app.state.lantern  # noqa: F841 - the app's own schema below
    from api.graphql.schema import build_schema

    gql = build_schema()._schema
    roots = {"query": gql.query_type, "mutation": gql.mutation_type, "subscription": gql.subscription_type}
    tried = 0
    for operation, root in roots.items():
        for field in root.fields if root else {}:
            if field == "screen":
                continue
            r = _post(api, token, "/graphql", json={"query": f"{operation} {{ {field} }}"})
            assert r.status_code == 403, (field, r.text)
            error = r.json()["errors"][0]
            assert error["extensions"]["code"] == "FORBIDDEN" and field in error["message"], error
            tried += 1
    assert tried >= 25  # every root field of the schema, not a sample
    # GET queries, fragments and a field hidden next to `screen` are refused alike
    r = api.client.get(
        "/graphql", params={"query": "{ me { role } }"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert r.status_code == 403
    # screening itself only as POST: a GET would put the identifiers into URLs and access logs
    get = {"query": '{ screen(identifiers: [{value: "+447700900984"}]) { hits } }'}
    r = api.client.get("/graphql", params=get, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 403 and "GET would put the identifiers into the URL" in r.text
    sneaky = (
        'query { ...F screen(identifiers: []) { hits } } fragment F on Query { search(text: "a") { total } }'
    )
    assert _post(api, token, "/graphql", json={"query": sneaky}).status_code == 403
    # the schema itself refuses too (the way in for WebSocket subscriptions, or a router without the guard)
    from api.graphql.context import LanternContext

    principal = api.app.state.lantern.keys.authenticate(f"Bearer {token}")
    result = build_schema().execute_sync(
        "{ me { role } }", context_value=LanternContext(api.app.state.lantern, principal)
    )
    assert result.errors and result.errors[0].extensions["code"] == "FORBIDDEN" and result.data is None


def test_a_partner_key_is_refused_by_every_rest_route(api: Api) -> None:
    token = _partner(api)
    routes = _routes(api.app.routes)
    assert (
        ("/api/screen", "POST") in routes
        and ("/api/reports", "POST") in routes
        and ("/explore", "GET") in routes
    )
    checked = 0
    for path, method in routes:
        if path.rstrip("/") in PARTNER_ROUTES or method in ("HEAD", "OPTIONS"):
            continue
        if method == "WEBSOCKET":
            with pytest.raises(WebSocketDisconnect):
                with api.client.websocket_connect(
                    path, subprotocols=["graphql-transport-ws"], headers={"Authorization": f"Bearer {token}"}
                ) as ws:
                    ws.send_json({"type": "connection_init"})
                    ws.receive_json()
            checked += 1
            continue
        url = _placeholder(path) + (
            "?query=%7Bme%7Brole%7D%7D" if path == "/graphql" and method == "GET" else ""
        )
        r = api.client.request(method, url, headers={"Authorization": f"Bearer {token}"}, content=b"{}")
        assert r.status_code == 403, (method, path, r.status_code, r.text[:200])
        checked += 1
    assert checked >= 20


def test_screening_explains_hits_without_evidence(api: Api) -> None:
    token = _partner(api)
    ids = [
        {"value": "07700 900123"},  # Petrov's and Nowak's phone, another format
        {"value": "VIKTOR.PETROV@example.com", "kind": "email"},
        {"value": "GB33 BUKB 2020 1555 5555 55"},
        {"value": "Victor Petrov", "kind": "name", "dateOfBirth": "1980-02-03", "country": "RO"},
        {"value": MISSES["phone"][0]},
        {"value": "call me maybe", "kind": "phone"},
    ]
    r = _post(api, token, "/graphql", json={"query": SCREEN, "variables": {"ids": ids}})
    assert r.status_code == 200, r.text
    report = r.json()["data"]["screen"]
    assert (report["inputs"], report["hits"], report["invalid"]) == (6, 4, 1)
    assert report["partner"] == "Example Bank plc" and report["quota"] == {"used": 5, "limit": 100}
    res = report["results"]
    assert [x["hit"] for x in res] == [True, True, True, True, False, False]
    assert res[0]["match"]["method"] == "exact" and res[0]["normalised"] == "+447700900123"
    assert res[0]["risk"]["band"] == "high"  # used by a recruiter named in a document with an indicator
    assert "trafficking roles recorded: Recruiter" in res[0]["risk"]["reasons"]
    assert res[3]["match"]["method"] == "name" and 88 <= res[3]["match"]["score"] < 100
    assert "date of birth not compared" in res[3]["match"]["explanation"]
    assert res[0]["reference"].startswith(report["reference"]) and "analysts" in res[0]["nextStep"]
    assert res[4]["reference"] is None and "not a clearance" in res[4]["nextStep"]
    assert res[5]["error"].startswith("input 5: not a") and "call me" not in res[5]["error"]
    # no evidence and no other people's identifiers or names in the whole answer
    text = r.text.lower()
    secrets = ("marek", "nowak", "anna", "kowalska", "sunrise", "recruited", "false job offer", "case-001")
    for secret in (*secrets, "viktor petrov", "bucharest"):
        assert secret not in text, secret


def test_hits_are_audited_with_partner_purpose_counts_and_references(api: Api) -> None:
    token = _partner(api)
    body = {
        "region": "GB",
        "identifiers": ["+44 7700 900123", MISSES["email"][0], {"value": "x", "kind": "email"}],
    }
    r = _post(api, token, "/api/screen", json=body)
    assert r.status_code == 200, r.text
    report = r.json()
    state = api.app.state.lantern
    state.audit.flush()
    row = state.store.execute("SELECT * FROM audit_log WHERE key_name = 'bank' ORDER BY id DESC LIMIT 1")[0]
    import json

    assert row["role"] == "partner" and row["operation"] == "screen"
    assert json.loads(row["entity_ids"]) == ["phone:+447700900123"]
    detail = json.loads(row["details"])[0]
    assert detail["partner"] == "Example Bank plc" and detail["purpose"] == "AML onboarding checks"
    assert (detail["inputs"], detail["screened"], detail["hits"]) == (3, 2, 1)
    assert detail["matches"][0]["reference"] == report["results"][0]["reference"]
    assert detail["check"] == report["reference"]
    # the analysts find the check by the reference the partner quotes
    from api.audit_log import entries

    found = entries(state.store, reference=report["results"][0]["reference"])
    assert [e.id for e in found] == [row["id"]]
    assert entries(state.store, reference="SCR-NOSUCHREF") == []


def test_inputs_that_did_not_match_leave_no_trace(
    api: Api, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sent: list[str] = []
    read = GraphAccess._read_async

    async def recording(
        self: GraphAccess, driver: Any, name: str, timeout: float, params: dict[str, Any]
    ) -> Any:
        sent.append(f"{name} {params!r}")
        return await read(self, driver, name, timeout, params)

    monkeypatch.setattr(GraphAccess, "_read_async", recording)
    caplog.set_level(logging.DEBUG)
    token = _partner(api)
    misses = [{"value": v, "kind": k} for k, (v, _) in MISSES.items()]
    bad = {"value": "+44 7700 900986 ext", "kind": "email"}  # refused: not an e-mail
    gql = {"query": SCREEN, "variables": {"ids": [*misses, bad, {"value": "07700 900123"}]}}
    assert _post(api, token, "/graphql", json=gql).json()["data"]["screen"]["hits"] == 1
    assert (
        _post(api, token, "/api/screen", json={"region": "GB", "identifiers": [*misses, bad]}).json()["hits"]
        == 0
    )
    # a wrongly typed variable: graphql-core echoes it in the response to the partner, never in a log line
    r = _post(api, token, "/graphql", json={"query": SCREEN, "variables": {"ids": [{"value": 447700900985}]}})
    assert r.json()["errors"]
    api.app.state.lantern.audit.flush()
    state_dir = api.app.state.lantern.store.path.parent
    stored = b"".join(p.read_bytes() for p in state_dir.iterdir() if p.is_file()).lower()
    logs = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records).lower()
    neo4j = "\n".join(sent).lower()
    assert "screening/hit_context" in neo4j and "phone:+447700900123" in neo4j  # the hit went, as an id
    forms = [f for _, variants in MISSES.values() for f in variants] + [
        "7700 900986",
        "7700900986",
        "447700900985",
    ]
    for form in forms:
        assert form.lower().encode() not in stored, f"{form} is in the state store"
        assert form.lower() not in logs, f"{form} is in the logs"
        assert form.lower() not in neo4j, f"{form} was sent to Neo4j"


def test_quota_refuses_with_429_and_books_nothing(api: Api) -> None:
    token = _partner(api, "small", quota=3)
    assert (
        _post(
            api, token, "/api/screen", json={"region": "GB", "identifiers": ["07700 900123", "07700 900124"]}
        ).status_code
        == 200
    )
    r = _post(
        api, token, "/api/screen", json={"region": "GB", "identifiers": ["07700 900125", "07700 900126"]}
    )
    assert r.status_code == 429 and r.json()["code"] == "QUOTA_EXCEEDED"
    assert "used 2" in r.json()["error"] and "Send at most 1" in r.json()["error"]
    gql = _post(
        api, token, "/graphql", json={"query": SCREEN, "variables": {"ids": [{"value": "a@example.com"}] * 2}}
    )
    error = gql.json()["errors"][0]
    assert error["extensions"]["code"] == "QUOTA_EXCEEDED" and error["extensions"]["httpStatus"] == 429
    assert (
        _post(api, token, "/api/screen", json={"region": "GB", "identifiers": ["07700 900127"]}).json()[
            "quota"
        ]["used"]
        == 3
    )


def test_batches_and_non_partner_keys_are_refused_clearly(api: Api) -> None:
    token = _partner(api)
    r = _post(api, token, "/api/screen", json={"region": "GB", "identifiers": ["07700 900123"] * 1001})
    assert r.status_code == 413 and "at most 1000" in r.json()["error"]
    assert _post(api, token, "/api/screen", json={"region": "GB", "identifiers": []}).status_code == 400
    r = _post(api, api.tokens["admin"], "/api/screen", json={"region": "GB", "identifiers": ["07700 900123"]})
    assert r.status_code == 403 and "partner keys" in r.json()["error"]
    assert api.client.post("/api/screen", json={"region": "GB", "identifiers": ["x"]}).status_code == 401
    r = _post(api, token, "/api/screen/psi", content=b"not protobuf")
    assert r.status_code == 400 and "PSI request" in r.json()["error"]


def test_refused_checks_are_audited_with_counts_only(api: Api) -> None:
    """Over the quota (429), outside the scope (403), a staff key calling screen (403): one `screen refused`
    row each, with partner, purpose, status, why and counts — no input, path or field name."""
    import json

    state = api.app.state.lantern
    token = _partner(api, "capped", quota=1)
    over = {"region": "GB", "identifiers": ["07700 900131", "quux.over@example.org"]}
    assert _post(api, token, "/api/screen", json=over).status_code == 429
    assert _post(api, token, "/api/gdpr/access/phone:+447700900132", content=b"{}").status_code == 403
    gql = {"query": '{ search(text: "+447700900133") { total } }'}
    assert _post(api, token, "/graphql", json=gql).status_code == 403
    staff = {"region": "GB", "identifiers": ["07700 900134"]}
    assert _post(api, api.tokens["admin"], "/api/screen", json=staff).status_code == 403
    state.audit.flush()
    rows = state.store.execute(
        "SELECT key_name, role, details, entity_ids FROM audit_log WHERE operation = 'screen refused' "
        "AND key_name IN ('capped', 'test-admin') ORDER BY id"
    )
    got = [(r["key_name"], json.loads(r["details"])[0]) for r in rows]
    assert [(k, d["status"], d["refused"]) for k, d in got] == [
        ("capped", 429, "quota exceeded"),
        ("capped", 403, "route outside the scope"),
        ("capped", 403, "GraphQL root field outside the scope"),
        ("test-admin", 403, "not a partner key"),
    ]
    assert got[0][1] == {
        "partner": "Example Bank plc", "purpose": "AML onboarding checks", "status": 429,
        "refused": "quota exceeded", "inputs": 2,
    }  # fmt: skip
    written = " ".join(r["details"] + r["entity_ids"] for r in rows)
    for form in ("900131", "quux.over", "900132", "gdpr", "search", "900133", "900134"):
        assert form not in written, form
