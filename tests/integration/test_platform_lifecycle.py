"""Issue 2: start → status → stop → start keeps the data; stop when stopped is safe.

Uses its own instance directory and ports (not the shared test server), started by the same code
`lantern neo4j start` runs, and always stopped at the end."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.config import Settings
from graph import neo4j_server
from graph.db import Database


@pytest.fixture()
def own_server(neo4j_settings: Settings, tmp_path: Path) -> Iterator[Settings]:
    base = int(os.environ.get("LANTERN_TEST_NEO4J_BOLT_PORT", "7688")) + 2
    s = neo4j_settings.model_copy(
        update={
            "neo4j_instance_dir": tmp_path / "instance",
            "neo4j_bolt_port": base,
            "neo4j_http_port": base + 1,
            "neo4j_uri": f"bolt://127.0.0.1:{base}",
            "neo4j_heap": "512m",
            "neo4j_pagecache": "64m",
        }
    )
    yield s
    neo4j_server.stop(s)


def test_restart_keeps_data_and_repeat_commands_are_safe(own_server: Settings) -> None:
    s = own_server
    assert "not running" in neo4j_server.stop(s)  # stop before start: safe, says so
    assert "started" in neo4j_server.start(s)
    st = neo4j_server.status(s)
    assert st.running and st.versions["gds"] == neo4j_server.load_versions().gds and st.browser_served
    with Database.connect(s) as db:
        db.write("platform/test_fixture_two_components")
    assert "already running" in neo4j_server.start(s)
    assert "stopped" in neo4j_server.stop(s)
    assert not neo4j_server.status(s).running
    assert "not running" in neo4j_server.stop(s)
    assert "started" in neo4j_server.start(s)  # second start: the password is already set
    with Database.connect(s) as db:
        rows = db.read("platform/count_platform_check")
    assert rows[0]["n"] == 5
