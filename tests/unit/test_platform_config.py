"""Issue 2: pinned versions in one place, docker compose consistent with the local launcher,
settings from the environment, the Cypher catalog."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from api.config import Settings
from graph import neo4j_server
from graph.catalog import Catalog, UnknownQueryError, catalog, parse_query
from graph.config import REPO_ROOT


def test_docker_compose_uses_the_pinned_versions_and_settings() -> None:
    v = neo4j_server.load_versions()
    compose = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())
    neo = compose["services"]["neo4j"]
    assert neo["image"] == v.docker_image
    assert neo["image"].startswith(f"neo4j:{v.neo4j}")
    env = neo["environment"]
    assert "graph-data-science" in env["NEO4J_PLUGINS"] and "apoc" in env["NEO4J_PLUGINS"]
    conf = neo4j_server.render_conf(Settings())
    assert "dbms.security.procedures.unrestricted=gds.*,apoc.*" in conf
    assert env["NEO4J_dbms_security_procedures_unrestricted"] == "gds.*,apoc.*"
    # transaction logs bounded (Neo4j's default keeps two days of them) in both ways of running Neo4j
    assert "db.tx_log.rotation.retention_policy=1G size" in conf
    assert env["NEO4J_db_tx__log_rotation_retention__policy"] == "1G size"
    # ports only on loopback, like the local launcher's server.default_listen_address
    assert all(p.startswith("127.0.0.1:") for p in neo["ports"])
    assert "server.default_listen_address=127.0.0.1" in conf
    assert compose["services"]["api"]["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert "healthcheck" in neo


def test_pom_takes_versions_from_the_launcher_only() -> None:
    pom = (REPO_ROOT / "graph" / "server" / "pom.xml").read_text()
    for prop in ("neo4j.version", "gds.version", "apoc.version", "browser.version"):
        assert f"<{prop}>REQUIRED</{prop}>" in pom  # no second copy of a version number


def test_conf_follows_settings(tmp_path: Path) -> None:
    s = Settings(
        neo4j_bolt_port=7999, neo4j_http_port=7998, neo4j_instance_dir=tmp_path, neo4j_pagecache="300m"
    )
    conf = neo4j_server.render_conf(s)
    assert "server.bolt.listen_address=:7999" in conf
    assert "server.http.listen_address=:7998" in conf
    assert f"server.directories.data={tmp_path / 'data'}" in conf
    assert "server.memory.pagecache.size=300m" in conf
    assert "dbms.security.auth_enabled=true" in conf


def test_extra_conf_from_the_environment_adds_and_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = '{"dbms.cypher.min_replan_interval": "3600s", "server.memory.pagecache.size": "2g"}'
    monkeypatch.setenv("LANTERN_NEO4J_EXTRA_CONF", extra)
    conf = neo4j_server.render_conf(Settings())
    assert "dbms.cypher.min_replan_interval=3600s" in conf.splitlines()
    assert [line for line in conf.splitlines() if line.startswith("server.memory.pagecache.size=")] == [
        "server.memory.pagecache.size=2g"
    ]


def test_settings_read_standard_neo4j_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example.org:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret")
    monkeypatch.setenv("NEO4J_DATABASE", "cases")
    monkeypatch.setenv("LANTERN_NEO4J_HEAP", "4g")
    s = Settings()
    assert s.uri == "bolt://db.example.org:7687"
    assert s.password == "s3cret"
    assert "s3cret" not in repr(s)  # secrets never printed
    assert s.neo4j_database == "cases"
    assert s.neo4j_heap == "4g"


def test_default_uri_follows_the_bolt_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert Settings(neo4j_bolt_port=7711).uri == "bolt://127.0.0.1:7711"


def test_java_version_parsing() -> None:
    assert neo4j_server.parse_java_major('openjdk version "17.0.15" 2025-04-15') == 17
    assert neo4j_server.parse_java_major('java version "1.8.0_392"') == 8
    assert neo4j_server.parse_java_major('openjdk version "25" 2025-09-16') == 25
    assert neo4j_server.parse_java_major("command not found") is None


def test_wrong_java_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "bin" / "java"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n")
    fake.chmod(0o755)
    s = Settings(java_home=tmp_path)
    with pytest.raises(neo4j_server.Neo4jServerError, match="needs Java 17"):
        neo4j_server.check_java(s, neo4j_server.load_versions())


def test_missing_maven_is_reported(tmp_path: Path) -> None:
    s = Settings(cache_dir=tmp_path, maven_cmd="mvn-does-not-exist")
    with pytest.raises(neo4j_server.Neo4jServerError, match="Maven"):
        neo4j_server.assemble(s)


def test_stop_when_not_running_says_so(tmp_path: Path) -> None:
    s = Settings(neo4j_instance_dir=tmp_path)
    assert "not running" in neo4j_server.stop(s)


def test_catalog_parses_headers_and_parameters(tmp_path: Path) -> None:
    d = tmp_path / "demo"
    d.mkdir()
    (d / "find.cypher").write_text(
        "// name: demo/find\n// description: Find a thing\n// params: id (string)\n// returns: n\n"
        "// mode: read\nMATCH (n:Entity {id: $id}) WHERE n.x > $min RETURN n\n"
    )
    q = parse_query(d / "find.cypher", tmp_path)
    assert q.name == "demo/find" and q.mode == "read"
    assert q.params == ("id", "min")
    assert q.description == "Find a thing"
    cat = Catalog(tmp_path)
    with pytest.raises(UnknownQueryError, match="demo/find"):
        cat.get("demo/fnd")


def test_catalog_rejects_a_header_name_that_does_not_match_the_path(tmp_path: Path) -> None:
    (tmp_path / "a.cypher").write_text("// name: b\nRETURN 1\n")
    with pytest.raises(ValueError, match="does not match"):
        parse_query(tmp_path / "a.cypher", tmp_path)


def test_every_catalog_query_has_a_header() -> None:
    for q in catalog():
        assert q.description, f"{q.path}: missing '// description:' header"
        assert q.mode in {"read", "write", "autocommit", "schema"}, f"{q.path}: bad mode {q.mode}"


def test_no_catalog_query_uses_syntax_neo4j_5_26_deprecates() -> None:
    import re

    # `CALL { ... }` without a variable scope clause: the server warns on every run (the driver only
    # silences UNRECOGNIZED notifications); write `CALL () { ... }` or `CALL (x) { ... }`
    for q in catalog():
        text = re.sub(r"//[^\n]*", "", q.text)
        assert not re.search(r"\bCALL\s*\{", text), f"{q.path}: use CALL () {{ ... }} (scope clause)"


def test_no_usage_data_leaves_the_machine_in_either_way_of_running_neo4j() -> None:
    """Server usage report and Neo4j Browser's product analytics off; remote guides only from localhost."""
    conf = dict(
        line.split("=", 1) for line in neo4j_server.render_conf(Settings()).splitlines() if "=" in line
    )
    assert conf["dbms.usage_report.enabled"] == "false"
    assert conf["client.allow_telemetry"] == "false"
    assert conf["browser.remote_content_hostname_whitelist"] == "localhost"
    env = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())["services"]["neo4j"]["environment"]
    assert env["NEO4J_dbms_usage__report_enabled"] == "false"
    assert env["NEO4J_client_allow__telemetry"] == "false"
    assert env["NEO4J_browser_remote__content__hostname__whitelist"] == "localhost"
