"""Issue 2: the real local Neo4j with GDS, APOC and Browser, as `lantern neo4j` runs it."""

from __future__ import annotations

import subprocess
import sys
import urllib.request

import pytest

from api.config import Settings
from graph import neo4j_server
from graph.db import Database, GraphUnavailableError


def test_versions_are_the_pinned_ones(db: Database) -> None:
    pinned = neo4j_server.load_versions()
    row = db.read("platform/ping")[0]
    assert row["ok"] == 1
    assert row["neo4j"] == pinned.neo4j
    assert row["gds"] == pinned.gds and row["gds"].startswith("2.13.")
    assert row["apoc"] == pinned.apoc


def test_gds_projection_wcc_and_drop(db: Database) -> None:
    db.write("platform/test_fixture_two_components")
    res = db.write("platform/test_wcc_roundtrip", graph="platform-test")
    assert res[0]["components"] == 2 and res[0]["nodes"] == 5
    assert db.read("platform/gds_graph_exists", graph="platform-test")[0]["exists"] is False


def test_browser_page_is_served(neo4j_settings: Settings) -> None:
    with urllib.request.urlopen(
        f"http://127.0.0.1:{neo4j_settings.neo4j_http_port}/browser/", timeout=10
    ) as r:
        body = r.read().decode("utf-8", "replace")
    assert r.status == 200
    assert "Neo4j Browser" in body


def test_browser_is_told_to_send_no_usage_data(db: Database) -> None:
    """Neo4j Browser reads these through dbms.clientConfig: with client.allow_telemetry false it sends no
    usage statistics or crash reports; remote guides load only from localhost (the API's guide)."""
    config = {row["name"]: row["value"] for row in db.read("platform/client_config")}
    assert config["client.allow_telemetry"] == "false"
    assert config["browser.remote_content_hostname_whitelist"] == "localhost"


def test_second_start_is_a_noop(neo4j_settings: Settings) -> None:
    pid = neo4j_server.status(neo4j_settings).pid
    msg = neo4j_server.start(neo4j_settings)
    assert "already running" in msg
    assert neo4j_server.status(neo4j_settings).pid == pid


def test_port_taken_is_reported(neo4j_settings: Settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = neo4j_settings.model_copy(update={"neo4j_instance_dir": tmp_path / "other"})
    with pytest.raises(neo4j_server.Neo4jServerError, match="already taken"):
        neo4j_server.start(other)


def test_wrong_password_gives_actionable_error(neo4j_settings: Settings) -> None:
    from pydantic import SecretStr

    bad = neo4j_settings.model_copy(update={"neo4j_password": SecretStr("wrong-password")})
    with pytest.raises(GraphUnavailableError, match="NEO4J_PASSWORD"):
        Database.connect(bad)


def run_status(neo4j_settings: Settings, password: str) -> subprocess.CompletedProcess[str]:
    env = {
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_PASSWORD": password,
        "LANTERN_NEO4J_BOLT_PORT": str(neo4j_settings.neo4j_bolt_port),
        "LANTERN_NEO4J_HTTP_PORT": str(neo4j_settings.neo4j_http_port),
        "LANTERN_NEO4J_INSTANCE_DIR": str(neo4j_settings.instance_dir),
        "LANTERN_CACHE_DIR": str(neo4j_settings.cache_dir),
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        [sys.executable, "-m", "api.cli", "neo4j", "status"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_cli_status_with_a_wrong_password_fails_with_the_reason(neo4j_settings: Settings) -> None:
    """Issue 24: it said "not answering" and exited 0."""
    out = run_status(neo4j_settings, "wrong-password")
    assert out.returncode == 4, out.stdout + out.stderr
    said = " ".join(out.stderr.split())  # rich wraps at 80 columns
    assert "refused the password for user 'neo4j': set NEO4J_PASSWORD" in said


def test_cli_status_reports_versions(neo4j_settings: Settings) -> None:
    out = run_status(neo4j_settings, neo4j_settings.password)
    assert out.returncode == 0, out.stderr
    pinned = neo4j_server.load_versions()
    assert pinned.gds in out.stdout and pinned.apoc in out.stdout and "served" in out.stdout


def test_absent_relationship_types_raise_no_server_notifications(
    neo4j_settings: Settings, db: Database
) -> None:
    """Catalog queries name every ontology type; an empty graph must not make the server warn about them."""
    from graph.catalog import catalog
    from graph.db import open_driver

    query = catalog().get("analysis/neighbour_communities")
    with open_driver(neo4j_settings) as driver:
        result = driver.execute_query(query.text, ids=["nobody"], database_=neo4j_settings.neo4j_database)
    assert result.records == []
    warnings = [
        s.status_description
        for s in result.summary.gql_status_objects
        if "does not exist" in s.status_description
    ]
    assert warnings == []
