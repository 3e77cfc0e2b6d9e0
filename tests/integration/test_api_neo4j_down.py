"""Neo4j down → typed GraphQL errors and /readyz 503; back up → the same app recovers without restart.

Uses its own Neo4j instance (bolt 7745 / http 7746 by default, own instance dir) so the shared test
instance is never stopped.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from graph import neo4j_server
from tests.integration.test_api_fixtures import Api, make_app

DOCS = "{ documents { documents { id } } }"


def _wait_ready(client: TestClient, attempts: int = 30):  # type: ignore[no-untyped-def]
    """Poll /readyz: the first queries after a cold start may still hit a starting database."""
    for _ in range(attempts):
        r = client.get("/readyz")
        if r.status_code == 200:
            return r
        time.sleep(2)
    return r


@pytest.fixture()
def own_neo4j(neo4j_settings: Settings, tmp_path: Path) -> Iterator[Settings]:
    bolt = int(os.environ.get("LANTERN_TEST_API_DOWN_BOLT_PORT", "7745"))
    http = int(os.environ.get("LANTERN_TEST_API_DOWN_HTTP_PORT", "7746"))
    s = neo4j_settings.model_copy(
        update={
            "neo4j_uri": f"bolt://127.0.0.1:{bolt}",
            "neo4j_bolt_port": bolt,
            "neo4j_http_port": http,
            "neo4j_instance_dir": neo4j_settings.cache_dir / f"test-instance-api-down-{bolt}",
            "neo4j_heap": "512m",
        }
    )
    neo4j_server.start(s)
    try:
        yield s
    finally:
        neo4j_server.stop(s)


def test_neo4j_down_gives_typed_errors_and_503_then_recovers(own_neo4j: Settings, tmp_path: Path) -> None:
    app, tokens = make_app(own_neo4j, tmp_path / "state")
    with TestClient(app) as client:
        api = Api(app, client, tokens)
        assert client.get("/readyz").status_code == 200
        assert api.gql("investigator", DOCS)["data"]["documents"]["documents"] == []

        neo4j_server.stop(own_neo4j)
        ready = client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["status"] == "unavailable"
        assert "7745" in ready.json()["reason"] or "not reachable" in ready.json()["reason"]
        assert client.get("/healthz").status_code == 200
        res = api.gql("investigator", DOCS)
        assert res["data"] is None and res["errors"][0]["extensions"]["code"] == "GRAPH_UNAVAILABLE"
        assert "lantern neo4j" in res["errors"][0]["message"]

        # an app started while Neo4j is down starts anyway and reports 503
        app2, tokens2 = make_app(own_neo4j, tmp_path / "state2")
        with TestClient(app2) as client2:
            assert client2.get("/readyz").status_code == 503

            neo4j_server.start(own_neo4j)
            back = _wait_ready(client)
            assert back.status_code == 200, back.json()
            assert api.gql("investigator", DOCS)["data"]["documents"]["documents"] == []
            assert client2.get("/readyz").status_code == 200
            res2 = Api(app2, client2, tokens2).gql("investigator", DOCS)
            assert res2["data"]["documents"]["documents"] == []
