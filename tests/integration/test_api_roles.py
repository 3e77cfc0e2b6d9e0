# ruff: noqa: F811, E501
"""The role × field matrix, asserted field by field; auth (401/403); the audit log."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.integration.test_api_fixtures import Api, api, api_graph  # noqa: F401

pytestmark = pytest.mark.usefixtures("api_graph")

# Secrets that must never reach a masked role, and the roles that may see each in clear.
PERSON_NAMES = ("Viktor Petrov", "Petrov", "Anna Kowalska", "Marek Nowak", "viktor petrov", "marek nowak")
PHONES = ("+447700900123", "+44 7700 900123", "07700 900123", "7700900123")
EMAILS = ("viktor.petrov@example.com",)
PAYMENTS = ("GB33BUKB20201555555555", "GB33 BUKB")
CLEAR = {
    "admin": {"person", "phone", "email", "payment"},
    "investigator": {"person", "phone", "email", "payment"},
    "analyst": {"person"},
    "auditor": set(),
}
SECRETS = {"person": PERSON_NAMES, "phone": PHONES, "email": EMAILS, "payment": PAYMENTS}

EXPOSURE = """{ businessExposure(name: "Clean Supplies Co", maxHops: 3) {
  business { id name caption }
  paths { target { id kind name value aliases caption riskReasons } nodes { id kind name value caption }
          edges { source target evidence { snippet } } }
  documents { title } explanation } }"""
NETWORK = """{ network(id: 1) { members { id kind name value aliases caption riskReasons }
  linkingIdentifiers { identifier { id kind name value caption } users { id name } } } }"""
ACCOUNT_GRAPH = """{ neighbourhood(id: "business:clean supplies", depth: 2) { nodes { id kind name value caption }
  edges { source target evidence { snippet } } } }"""


def _walk(obj, path=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _walk(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _walk(v, f"{path}[{i}]")
    elif isinstance(obj, str):
        yield path, obj


@pytest.mark.parametrize("role", ["admin", "investigator", "analyst", "auditor"])
def test_role_field_matrix(api: Api, role: str) -> None:
    payload = {}
    for name, q in (("exposure", EXPOSURE), ("network", NETWORK), ("graph", ACCOUNT_GRAPH)):
        res = api.gql(role, q)
        assert "errors" not in res, res
        payload[name] = res["data"]
    strings = list(_walk(payload))
    for category, secrets in SECRETS.items():
        seen = {(p, s) for p, v in strings for s in secrets if s.lower() in v.lower()}
        if category in CLEAR[role]:
            assert seen, f"{role} should see {category} in clear"
        else:
            assert not seen, f"{role} must not see {category}: {sorted(seen)[:3]}"
    # structure and businesses stay visible for everyone
    assert payload["exposure"]["businessExposure"]["business"]["name"] == "Clean Supplies Co"
    assert any(p["target"]["kind"] == "Person" for p in payload["exposure"]["businessExposure"]["paths"])
    nodes = payload["graph"]["neighbourhood"]["nodes"]
    assert {n["kind"] for n in nodes} >= {"Business", "Person", "Phone", "BankAccount"}
    ids = {n["id"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in payload["graph"]["neighbourhood"]["edges"])


def test_masked_values_are_consistent_and_formatted(api: Api) -> None:
    g = api.gql("auditor", ACCOUNT_GRAPH)["data"]["neighbourhood"]["nodes"]
    by_kind = {n["kind"]: n for n in g}
    assert by_kind["Phone"]["value"] == "+44 77•• •••123" and by_kind["Phone"]["id"].startswith("anon:")
    assert by_kind["BankAccount"]["value"] == "•••• 5555"
    assert (
        by_kind["Person"]["name"].startswith("Person ")
        and by_kind["Person"]["name"] == by_kind["Person"]["caption"]
    )
    again = api.gql("auditor", ACCOUNT_GRAPH)["data"]["neighbourhood"]["nodes"]
    assert sorted((n["id"], n["caption"]) for n in g) == sorted((n["id"], n["caption"]) for n in again)
    analyst = {n["kind"]: n for n in api.gql("analyst", ACCOUNT_GRAPH)["data"]["neighbourhood"]["nodes"]}
    assert analyst["Person"]["name"] == "Marek Nowak" and analyst["Phone"]["value"] == "+44 77•• •••123"
    # a pseudonymous id can be followed (entity, neighbourhood) without revealing the value
    person_id = by_kind["Person"]["id"]
    e = api.gql(
        "auditor",
        f'{{ entity(id: "{person_id}") {{ id name masked evidence {{ title spans {{ snippet }} }} }} }}',
    )["data"]["entity"]
    assert e["id"] == person_id and e["masked"] and "Nowak" not in json.dumps(e)
    # masked roles cannot probe a raw personal id
    assert api.gql("auditor", '{ entity(id: "person:marek nowak") { id } }')["data"]["entity"] is None


def test_auditor_search_never_matches_personal_values(api: Api) -> None:
    for text in ("Marek Nowak", "07700 900123", "viktor.petrov@example.com"):
        res = api.gql(
            "auditor", "query($t: String!) { search(text: $t) { hits { entity { id } } } }", {"t": text}
        )
        assert res["data"]["search"]["hits"] == [], text
    res = api.gql("auditor", '{ search(text: "Clean Supplies") { hits { entity { id name } } } }')
    assert res["data"]["search"]["hits"][0]["entity"]["name"] == "Clean Supplies Co"


def test_no_key_or_bad_key_is_401_and_revoked_key_stops_working(api: Api) -> None:
    assert api.client.post("/graphql", json={"query": "{ me { role } }"}).status_code == 401
    bad = api.client.post(
        "/graphql", json={"query": "{ me { role } }"}, headers={"Authorization": "Bearer nope"}
    )
    assert bad.status_code == 401 and "lantern keys create" in bad.json()["detail"]
    assert api.client.get("/graphql", params={"query": "{ me { role } }"}).status_code == 401
    assert api.client.get("/graphql", headers={"Accept": "text/html"}).status_code == 200  # GraphiQL page
    from api.auth import revoke_key

    revoke_key(api.app.state.lantern.store, "test-analyst")
    r = api.client.post("/graphql", json={"query": "{ me { role } }"},
                        headers={"Authorization": f"Bearer {api.tokens['analyst']}"})  # fmt: skip
    assert r.status_code == 401


def test_audit_log_records_clear_personal_data_only(api: Api) -> None:
    store = api.app.state.lantern.store
    api.gql("auditor", NETWORK)
    api.gql("analyst", '{ search(text: "Clean Supplies") { hits { entity { id } } } }')  # no personal data
    api.gql("investigator", "query Investigate " + NETWORK, operation="Investigate")
    api.gql("analyst", NETWORK)
    log = api.gql("admin", "{ auditLog { keyName role operation entityIds fields at } }")["data"]["auditLog"]
    assert [e["keyName"] for e in log] == [
        "test-analyst",
        "test-investigator",
    ]  # newest first; auditor: nothing
    inv = log[1]
    assert inv["operation"] == 'query network (named "Investigate")' and inv["role"] == "investigator"
    assert {"person:viktor petrov", "person:marek nowak", "phone:+447700900123"} <= set(inv["entityIds"])
    assert {"name", "value"} <= set(inv["fields"])
    analyst = log[0]
    assert "person:marek nowak" in analyst["entityIds"] and "phone:+447700900123" not in analyst["entityIds"]
    filtered = api.gql("admin", '{ auditLog(entityId: "phone:+447700900123") { keyName } }')["data"][
        "auditLog"
    ]
    assert [e["keyName"] for e in filtered] == ["test-investigator"]
    for role in ("investigator", "analyst", "auditor"):
        assert api.gql(role, "{ auditLog { id } }")["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.execute("UPDATE audit_log SET role = 'x'")
    # snippets that show names in clear are audited too
    api.gql("investigator", '{ entity(id: "business:sunrise staffing") { evidence { spans { snippet } } } }')
    last = api.gql("admin", "{ auditLog(limit: 1) { entityIds fields } }")["data"]["auditLog"][0]
    assert "snippet" in last["fields"] and "person:viktor petrov" in last["entityIds"]


def test_a_repeated_query_is_audited_like_the_first(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first request of a text runs Strawberry's pipeline (audit extension); repeats run the
    validated document directly (api.fast_graphql) and must write the same row."""
    from api.fast_graphql import GraphQLFastPath

    lean: list[object] = []
    execute_validated = GraphQLFastPath.execute_validated

    async def spy(self: GraphQLFastPath, *args: object) -> object:
        result = await execute_validated(self, *args)
        lean.append(result)
        return result

    monkeypatch.setattr(GraphQLFastPath, "execute_validated", spy)
    query = "query Repeat " + NETWORK.replace("network(id: 1)", "network(id: 1, limit: 49)")
    answers = [api.gql("investigator", query) for _ in range(3)]
    assert answers[0] == answers[1] == answers[2] and "errors" not in answers[0]
    assert lean[0] is None and all(r is not None for r in lean[1:])  # pipeline once, then direct
    rows = api.gql("admin", "{ auditLog(limit: 3) { keyName role operation entityIds fields } }")["data"]
    assert len(rows["auditLog"]) == 3 and all(r == rows["auditLog"][0] for r in rows["auditLog"])
    assert rows["auditLog"][0]["operation"] == 'query network (named "Repeat")'
    assert "phone:+447700900123" in rows["auditLog"][0]["entityIds"]


def test_audit_rows_of_a_burst_are_all_there_after_shutdown(neo4j_settings, tmp_path) -> None:
    from fastapi.testclient import TestClient

    from api.state import StateStore
    from tests.integration.test_api_fixtures import make_app

    app, tokens = make_app(neo4j_settings, tmp_path / "state")
    headers = {"Authorization": f"Bearer {tokens['investigator']}"}
    with TestClient(app) as client:
        for _ in range(25):
            r = client.post("/graphql", json={"query": NETWORK}, headers=headers)
            assert r.status_code == 200 and "errors" not in r.json()
    rows = StateStore.open(tmp_path / "state").execute(
        "SELECT key_name, operation FROM audit_log ORDER BY id"
    )
    assert [(r["key_name"], r["operation"]) for r in rows] == [("test-investigator", "query network")] * 25


def test_key_revoked_by_another_process_stops_working_within_the_cache_ttl(api: Api) -> None:
    import time

    from api.auth import revoke_key
    from api.state import StateStore

    keys = api.app.state.lantern.keys
    keys.ttl = 0.3  # the default is api.auth.KEY_CACHE_TTL_S (5 s)
    headers = {"Authorization": f"Bearer {api.tokens['investigator']}"}
    assert api.client.post("/graphql", json={"query": "{ me { role } }"}, headers=headers).status_code == 200
    revoke_key(
        StateStore(api.app.state.lantern.store.path), "test-investigator"
    )  # e.g. `lantern keys revoke`
    time.sleep(0.4)
    assert api.client.post("/graphql", json={"query": "{ me { role } }"}, headers=headers).status_code == 401
