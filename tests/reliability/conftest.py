"""Reliability tests: crashes, outages and repeated runs against the real Neo4j the integration tests
use (started by `graph.neo4j_server`, the code `lantern neo4j start` runs); each test starts from an
empty graph."""

from __future__ import annotations

import pytest

from tests.integration.conftest import db, neo4j_settings, session_db

__all__ = ["db", "neo4j_settings", "session_db"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/reliability" in str(item.fspath):
            item.add_marker(pytest.mark.integration)
