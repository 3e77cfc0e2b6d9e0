"""Security-suite fixtures: the real Neo4j of the integration tests, the security seed ingested once
per module, and an app with one key per role (state in a fresh directory)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from graph.db import Database
from tests.integration.conftest import neo4j_settings, session_db, wipe  # noqa: F401
from tests.integration.test_api_fixtures import ANALYSIS, RUN, Api, make_app
from tests.security.seed import security_corpus


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/security" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


def load_seed(db: Database) -> None:
    from graph.ingest import ingest_results
    from ontology.schema import apply_schema

    wipe(db)
    apply_schema(db)
    summary = ingest_results(db, security_corpus())
    assert not summary.failed, summary.failed
    db.write("api/test_fixture_analysis", rows=ANALYSIS, run=RUN)


@pytest.fixture(scope="module")
def sec_api(
    session_db: Database,  # noqa: F811
    neo4j_settings: Settings,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Api]:
    load_seed(session_db)
    app, tokens = make_app(neo4j_settings, tmp_path_factory.mktemp("state") / "state")
    with TestClient(app) as client:
        yield Api(app, client, tokens)


def audit_rows(api: Api) -> int:
    """Rows in the audit log now (queued rows written first)."""
    state = api.app.state.lantern
    state.audit.flush()
    return int(state.store.execute("SELECT count(*) AS n FROM audit_log")[0]["n"])


def post(api: Api, role: str, query: str, variables: dict | None = None, operation: str | None = None):
    """The raw response (status, text) of one GraphQL request."""
    body: dict = {"query": query, "variables": variables or {}}
    if operation:
        body["operationName"] = operation
    r = api.client.post("/graphql", json=body, headers={"Authorization": f"Bearer {api.tokens[role]}"})
    return r.status_code, r.text
