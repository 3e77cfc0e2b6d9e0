"""The lean POST /graphql path answers exactly like Strawberry's router, and hands everything else over.

No Neo4j needed: `me` and the document-level limits never reach the graph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import create_key
from api.config import Settings
from api.fast_graphql import GraphQLFastPath
from api.graphql.schema import build_schema

ME = "{ me { keyName role maskedCategories } }"


@pytest.fixture()
def setup(tmp_path: Path) -> dict[str, Any]:
    s = Settings(neo4j_uri="bolt://127.0.0.1:1", state_dir=tmp_path, max_aliases=2)
    app = create_app(s)
    state = app.state.lantern
    key = create_key(state.store, "fast-path-test", "auditor")
    delegated: list[bytes] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:  # records what the fast path hands on
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        delegated.append(body)
        await send({"type": "http.response.start", "status": 599, "headers": []})
        await send({"type": "http.response.body", "body": body})

    fast = GraphQLFastPath(inner, build_schema(s), state)
    return {"app": app, "fast": TestClient(fast), "full": TestClient(app), "key": key, "delegated": delegated}


def _without_error_ids(body: dict[str, Any]) -> dict[str, Any]:
    """The response without `extensions.errorId` (a fresh random id per error, api/errors.py)."""
    for error in body.get("errors") or ():
        assert len(error["extensions"].pop("errorId")) == 12
    return body


def _auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_fast_path_answers_like_the_router(setup: dict[str, Any]) -> None:
    fast, full, key = setup["fast"], setup["full"], setup["key"]
    for query in (
        ME,
        "{ me { role ",  # syntax error
        "{ a: me { role } b: me { role } c: me { role } }",  # over the alias limit
        "{ me { noSuchField } }",  # validation error
    ):
        via_fast = fast.post("/graphql", json={"query": query}, headers=_auth(key))
        via_router = full.get("/graphql", params={"query": query}, headers=_auth(key))
        assert via_fast.status_code == via_router.status_code == 200, query
        assert via_fast.headers["content-type"] == "application/json"
        assert _without_error_ids(via_fast.json()) == _without_error_ids(via_router.json()), query
    assert setup["delegated"] == []
    me = fast.post("/graphql", json={"query": ME}, headers=_auth(key)).json()
    assert me["data"]["me"]["role"] == "auditor" and "phone" in me["data"]["me"]["maskedCategories"]
    limited = fast.post(
        "/graphql", json={"query": "{ a: me { role } b: me { role } c: me { role } }"}, headers=_auth(key)
    )
    assert "aliases" in limited.json()["errors"][0]["message"].lower()


def test_fast_path_passes_variables_and_operation_name(setup: dict[str, Any]) -> None:
    body = {
        "query": "query A { me { role } } query B($x: Boolean!) { me @include(if: $x) { keyName } }",
        "operationName": "B",
        "variables": {"x": True},
    }
    r = setup["fast"].post("/graphql", json=body, headers=_auth(setup["key"]))
    assert r.status_code == 200 and r.json() == {"data": {"me": {"keyName": "fast-path-test"}}}


JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("body", "headers", "with_key"),
    [
        (json.dumps({"query": ME}), JSON, False),  # no key
        (json.dumps({"query": ME}), {**JSON, "Authorization": "Bearer nope"}, False),
        ("{not json", JSON, True),
        (json.dumps([{"query": ME}]), JSON, True),  # batch
        (json.dumps({"query": ME, "other": 1}), JSON, True),
        (json.dumps({"query": ME, "variables": [1]}), JSON, True),
        (json.dumps({"variables": {}}), JSON, True),  # no query
        (json.dumps({"query": ME}), {"Content-Type": "text/plain"}, True),
    ],
)
def test_everything_else_goes_to_the_router_with_its_body(
    setup: dict[str, Any], body: str, headers: dict[str, str], with_key: bool
) -> None:
    if with_key:
        headers = {**headers, **_auth(setup["key"])}
    r = setup["fast"].post("/graphql", content=body, headers=headers)
    assert r.status_code == 599 and r.content == body.encode()
    assert setup["delegated"] == [body.encode()]


def test_router_answers_refused_requests_as_before(setup: dict[str, Any]) -> None:
    full, key = setup["full"], setup["key"]
    r = full.post("/graphql", json={"query": ME})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert "lantern keys create" in r.json()["detail"]
    r = full.post("/graphql", content="{not json", headers={**_auth(key), "Content-Type": "application/json"})
    assert r.status_code == 400
    r = full.post("/graphql", json={"variables": {}}, headers=_auth(key))
    assert r.status_code == 400


def _count_pipeline_runs(fast_app: GraphQLFastPath, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Query texts that went through Strawberry's whole pipeline (not the validated-text path)."""
    runs: list[str] = []
    execute = fast_app.schema.execute

    async def counting(query: str, *args: Any, **kwargs: Any) -> Any:
        runs.append(query)
        return await execute(query, *args, **kwargs)

    monkeypatch.setattr(fast_app.schema, "execute", counting)
    return runs


def test_a_validated_text_skips_the_pipeline_and_answers_the_same(
    setup: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, key = setup["fast"], setup["key"]
    runs = _count_pipeline_runs(fast.app, monkeypatch)
    variables_query = "query Q($x: Boolean!) { me @include(if: $x) { keyName } me2: me { role } }"
    for body in (
        {"query": ME},
        {"query": variables_query, "variables": {"x": True}},
        {"query": variables_query, "variables": {"x": False}},
    ):
        answers = [fast.post("/graphql", json=body, headers=_auth(key)).json() for _ in range(3)]
        assert answers[0] == answers[1] == answers[2] and "errors" not in answers[0], body
    assert runs == [ME, variables_query]  # once per text; the repeats ran on the validated document
    # a wrong variable is still a GraphQL error from graphql-core, as the pipeline reports it
    bad = fast.post(
        "/graphql", json={"query": variables_query, "variables": {"x": "yes"}}, headers=_auth(key)
    )
    assert bad.status_code == 200 and "Boolean" in bad.json()["errors"][0]["message"]
    assert len(runs) == 2


def test_refused_texts_always_take_the_pipeline(
    setup: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, key = setup["fast"], setup["key"]
    runs = _count_pipeline_runs(fast.app, monkeypatch)
    refused = ["{ me { role ", "{ a: me { role } b: me { role } c: me { role } }", "{ me { noSuchField } }"]
    for query in refused * 2:
        r = fast.post("/graphql", json={"query": query}, headers=_auth(key))
        assert r.status_code == 200 and r.json()["errors"] and r.json()["data"] is None
    assert runs == refused * 2  # an invalid text is never executed, however often it comes


def test_operation_choice_is_checked_on_every_request(setup: dict[str, Any]) -> None:
    fast, key, delegated = setup["fast"], setup["key"], setup["delegated"]
    two = "query A { me { role } } query B { me { keyName } }"
    for _ in range(2):
        r = fast.post("/graphql", json={"query": two, "operationName": "B"}, headers=_auth(key))
        assert r.json() == {"data": {"me": {"keyName": "fast-path-test"}}}
    for _ in range(2):  # no name: the first operation, as Strawberry's pipeline does
        r = fast.post("/graphql", json={"query": two}, headers=_auth(key))
        assert r.json() == {"data": {"me": {"role": "auditor"}}}
    r = fast.post("/graphql", json={"query": two, "operationName": "C"}, headers=_auth(key))
    assert r.status_code == 599 and len(delegated) == 1  # unknown name: the router answers 400
    r = setup["full"].post("/graphql", json={"query": two, "operationName": "C"}, headers=_auth(key))
    assert r.status_code == 400 and "Unknown operation" in r.text
