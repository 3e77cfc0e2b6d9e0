"""What the API says when it starts against a database that an older Lantern set up."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from graph.db import Database
from ontology.schema import apply_schema
from tests.integration.test_api_fixtures import make_app


def _start(settings: Settings, state: Path) -> int:
    app, _ = make_app(settings, state)
    with TestClient(app) as client:
        return client.get("/readyz").status_code


def test_start_warns_when_the_search_index_is_from_an_older_lantern(
    db: Database, neo4j_settings: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    apply_schema(db)
    with caplog.at_level(logging.WARNING, logger="lantern.api"):
        assert _start(neo4j_settings, tmp_path / "a") == 200
    assert "older Lantern" not in caplog.text

    db.write("schema/drop_index", index_name="entity_search")
    db.run_schema("schema/test_legacy_entity_search")  # entity_search over the old derived search_text
    try:
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="lantern.api"):
            assert _start(neo4j_settings, tmp_path / "b") == 200  # the API serves all the same
        said = " ".join(caplog.text.split())
        assert "`entity_search` was created by an older Lantern" in said and "lantern schema apply" in said
    finally:
        apply_schema(db)  # rebuilt for the tests after this one
