"""Integration fixtures: a real Neo4j + GDS + APOC, started by `graph.neo4j_server` (the code
`lantern neo4j start` runs), shared by the session; each test starts from an empty graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.config import Settings
from graph import neo4j_server
from graph.db import Database
from tests.servers import test_settings


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Settings]:
    s = test_settings()
    started_here = neo4j_server.status(s).pid is None
    neo4j_server.start(s)
    yield s
    if started_here:
        neo4j_server.stop(s)


@pytest.fixture(scope="session")
def session_db(neo4j_settings: Settings) -> Iterator[Database]:
    db = Database.connect(neo4j_settings)
    yield db
    db.close()


def wipe(db: Database) -> None:
    """Empty the graph and the GDS catalog (isolation between tests)."""
    db.write("platform/drop_all_gds_graphs")
    db.write("platform/wipe_graph")


@pytest.fixture()
def db(session_db: Database) -> Database:
    wipe(session_db)
    return session_db


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]
