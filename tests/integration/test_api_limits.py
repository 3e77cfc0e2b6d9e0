# ruff: noqa: F811
"""Limits (depth, aliases, page size, Cypher timeout) and injection attempts through every string argument."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from graph.db import Database
from tests.integration.test_api_fixtures import Api, api, api_graph, make_app  # noqa: F401

pytestmark = pytest.mark.usefixtures("api_graph")

PAYLOADS = [
    "') DETACH DELETE n //",
    "x' OR 1=1 WITH n MATCH (m) DETACH DELETE m //",
    '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
    "*:* OR name:*",
    "person:viktor petrov' OR '1'='1",
    "anon:' OR 1=1 --",
    "Robert'); DROP TABLE audit_log;--",
]
STRING_ARGS = [
    ("search(text: $v) { hits { entity { id } } }", "String!"),
    ('search(text: "petrov", types: [$v]) { hits { entity { id } } }', "String!"),
    ("entity(id: $v) { id }", "String!"),
    ("neighbourhood(id: $v) { nodes { id } }", "String!"),
    ('paths(source: $v, target: "person:viktor petrov") { hops }', "String!"),
    ('paths(source: "person:viktor petrov", target: $v) { hops }', "String!"),
    ('sharedIdentifiers(ids: [$v, "person:viktor petrov"]) { documentIds }', "String!"),
    ("businessExposure(name: $v) { exposed }", "String"),
    ("businessExposure(id: $v) { exposed }", "String"),
    ("hotspots(kinds: [$v]) { events }", "String!"),
    ("documents(kind: $v) { documents { id } }", "String"),
    ("documents(text: $v) { documents { id } }", "String"),
    ("auditLog(keyName: $v) { id }", "String"),
    ("auditLog(since: $v) { id }", "String"),
    ("auditLog(entityId: $v) { id }", "String"),
]
MUTATIONS = [
    ('mergeEntities(ids: [$v, "person:marek nowak"], reason: $v) { mergeId }', "String!"),
    ("splitEntity(mergeId: $v) { mergeId }", "String!"),
    ("runAnalysis(only: [$v]) { id }", "String!"),
]
OK_CODES = {"BAD_USER_INPUT", "NOT_FOUND", "NOT_AVAILABLE", "LIMIT_EXCEEDED"}


def _counts(db: Database) -> dict:
    return db.read("api/graph_counts")[0]


def test_injection_through_every_string_argument_changes_nothing(api: Api, api_graph: Database) -> None:
    before = _counts(api_graph)
    store = api.app.state.lantern.store
    audit_before = store.execute("SELECT count(*) AS n FROM audit_log")[0]["n"]
    for field, typ in STRING_ARGS:
        for payload in PAYLOADS:
            res = api.gql("admin", f"query($v: {typ}) {{ {field} }}", {"v": payload})
            for err in res.get("errors") or []:
                assert err["extensions"]["code"] in OK_CODES, (field, payload, err)
    for field, typ in MUTATIONS:
        for payload in PAYLOADS:
            res = api.gql("investigator", f"mutation($v: {typ}) {{ {field} }}", {"v": payload})
            for err in res.get("errors") or []:
                assert err["extensions"]["code"] in OK_CODES, (field, payload, err)
    assert _counts(api_graph) == before
    assert store.execute("SELECT count(*) AS n FROM audit_log")[0]["n"] >= audit_before  # table still there
    res = api.gql("investigator", '{ entity(id: "person:viktor petrov") { name } }')
    assert res["data"]["entity"]["name"] == "Viktor Petrov"


def test_page_size_depth_and_hops_are_capped(api: Api) -> None:
    res = api.gql("investigator", '{ search(text: "ltd", limit: 100000) { hits { score } } }')
    err = res["errors"][0]
    assert err["extensions"]["code"] == "LIMIT_EXCEEDED" and "offset" in err["message"]
    res = api.gql("investigator", '{ neighbourhood(id: "person:viktor petrov", depth: 4) { truncated } }')
    assert (
        res["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED" and "depth" in res["errors"][0]["message"]
    )
    res = api.gql("investigator", '{ paths(source: "a", target: "b", maxHops: 9) { hops } }')
    assert res["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    res = api.gql("investigator", "{ documents(offset: -1) { documents { id } } }")
    assert res["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    g = api.gql(
        "investigator",
        '{ neighbourhood(id: "person:viktor petrov", depth: 3, limit: 3) { truncated nodes { id } } }',
    )
    assert g["data"]["neighbourhood"]["truncated"] is True and len(g["data"]["neighbourhood"]["nodes"]) <= 3


def test_document_depth_and_aliases_limits(neo4j_settings: Settings, tmp_path: Path) -> None:
    strict = neo4j_settings.model_copy(update={"max_query_depth": 2, "max_aliases": 2})
    app, tokens = make_app(strict, tmp_path / "state")
    with TestClient(app) as client:
        api = Api(app, client, tokens)
        deep = api.gql("investigator", "{ network(id: 1) { linkingIdentifiers { users { name } } } }")
        assert deep["data"] is None and "exceeds maximum operation depth of 2" in deep["errors"][0]["message"]
        ok = api.gql("investigator", "{ network(id: 1) { members { name } } }")  # depth 2: allowed
        assert "errors" not in ok
        many = api.gql("investigator", "{ a: me { role } b: me { role } c: me { role } }")
        assert many["data"] is None and "aliases" in many["errors"][0]["message"].lower()


def test_server_side_cypher_timeout_is_a_typed_error(api: Api) -> None:
    from graphql import GraphQLError

    graph = api.app.state.lantern.graph
    with pytest.raises(GraphQLError) as exc:
        graph.read_sync("api/test_sleep", timeout=0.5, ms=5000)
    assert exc.value.extensions["code"] == "QUERY_TIMEOUT" and "0.5 s" in exc.value.message
    assert graph.read_sync("api/test_sleep", timeout=5, ms=10) == [{"done": 1}]

    # the resolvers' reads (async driver, on the event loop) map the timeout the same way
    async def reads() -> tuple[Any, ...]:
        try:
            with pytest.raises(GraphQLError) as slow:
                await graph.read("api/test_sleep", timeout=0.5, ms=5000)
            done = await graph.read("api/test_sleep", timeout=5, ms=10)
            first = graph._async_driver()
            return slow.value, done, first is graph._async_driver()
        finally:
            await graph.aclose()

    outcomes: list[tuple[Any, ...]] = []
    for _ in range(2):  # a second event loop gets a driver of its own
        worker = threading.Thread(target=lambda: outcomes.append(asyncio.run(reads())))
        worker.start()
        worker.join()
    assert len(outcomes) == 2
    for slow, done, same in outcomes:
        assert slow.extensions["code"] == "QUERY_TIMEOUT" and "0.5 s" in slow.message
        assert done == [{"done": 1}] and same


METERED = """query($id: String!) { neighbourhood(id: $id, depth: 3, limit: 200) {
    nodes { id evidence(limit: 20) { documentId spans { snippet } } } edges { id } } }"""


def _entity_id(api: Api, text: str) -> str:
    hits = api.gql(
        "investigator", "query($t: String!) { search(text: $t) { hits { entity { id } } } }", {"t": text}
    )
    return str(hits["data"]["search"]["hits"][0]["entity"]["id"])


def test_rows_read_are_metered_so_a_small_neighbourhood_costs_less_than_a_hub(
    api: Api, neo4j_settings: Settings, tmp_path: Path
) -> None:
    small, hub = _entity_id(api, "Quiet Bakery"), "person:viktor petrov"
    rows = {}
    for name, entity_id in (("small", small), ("hub", hub)):
        r = api.client.post(
            "/graphql",
            json={"query": METERED, "variables": {"id": entity_id}},
            headers={"Authorization": f"Bearer {api.tokens['investigator']}"},
        )
        assert r.status_code == 200 and "errors" not in r.json(), r.text
        graph = r.json()["data"]["neighbourhood"]
        rows[name] = int(r.headers["x-lantern-rows"])
        # at least the subgraph's row and one evidence read per node were charged
        assert rows[name] >= 1 + len(graph["nodes"]) + len(graph["edges"]) + len(graph["nodes"])
    # the same query text and arguments, so the same static estimate; what it read differs
    assert rows["small"] < rows["hub"]

    # a key whose row budget one hub read uses up is refused until its window frees; others are not
    budget = f"{rows['hub']}/hour"
    app, tokens = make_app(neo4j_settings.model_copy(update={"api_row_budget": budget}), tmp_path / "s2")
    with TestClient(app) as client:

        def post(role: str, entity_id: str) -> Any:
            body = {"query": METERED, "variables": {"id": entity_id}}
            return client.post("/graphql", json=body, headers={"Authorization": f"Bearer {tokens[role]}"})

        assert post("investigator", small).status_code == 200  # within budget
        assert post("investigator", hub).status_code == 200  # read past what was left: the rest is used up
        refused = post("investigator", small)
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        error = refused.json()["errors"][0]
        assert error["extensions"]["code"] == "RATE_LIMITED" and error["extensions"]["rowBudget"] == budget
        assert "rows" in error["message"] and "retry in" in error["message"]
        assert post("admin", hub).status_code == 200  # another key has its own budget


def test_the_static_estimate_still_refuses_an_obviously_huge_query_before_it_runs(api: Api) -> None:
    one = "neighbourhood(id: $id, depth: 3, limit: 200) { nodes { evidence(limit: 200) { documentId } } }"
    huge = "query($id: String!) { " + " ".join(f"n{i}: {one}" for i in range(20)) + " }"
    r = api.client.post(
        "/graphql",
        json={"query": huge, "variables": {"id": "person:viktor petrov"}},
        headers={"Authorization": f"Bearer {api.tokens['investigator']}"},
    )
    assert r.status_code == 400 and r.json()["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert "x-lantern-rows" not in r.headers  # refused before any resolver read
