"""The audit log: tamper-evident (hash chain; `lantern audit-log verify` catches a row edited,
deleted or cut by editing the SQLite file directly), private (0700/0600), and its operation names
come from the parsed document, not from what the client calls it."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from graphql import parse

from api.audit_log import Disclosures, record, verify
from api.graphql.schema import operation_label
from api.state import StateStore
from tests.integration.test_api_fixtures import Api
from tests.security.conftest import audit_rows, post

REPO = Path(__file__).resolve().parents[2]


def _store(tmp_path: Path, rows: int = 5) -> StateStore:
    store = StateStore.open(tmp_path / "state")
    for i in range(rows):
        record(store, f"key-{i}", "investigator", "query entity", Disclosures({f"person:p{i}": {"name"}}))
    return store


def _tamper(path: Path, *sql: str) -> None:
    """What an attacker with the file does: drop the append-only triggers, then change rows."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _cli_verify(state_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANTERN_STATE_DIR": str(state_dir)}
    return subprocess.run(
        [sys.executable, "-m", "api.cli", "audit-log", "verify"],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_intact_log_verifies(tmp_path: Path) -> None:
    store = _store(tmp_path)
    result = verify(store)
    assert result.ok and result.rows == 5 and result.legacy == 0, result.problems
    store.close()
    cli = _cli_verify(tmp_path / "state")
    assert cli.returncode == 0 and "intact: 5 row(s)" in cli.stdout, cli.stdout + cli.stderr


@pytest.mark.parametrize(
    ("sql", "says"),
    [
        ("UPDATE audit_log SET key_name = 'someone-else' WHERE id = 3", "row 3 was edited"),
        ("DELETE FROM audit_log WHERE id = 3", "rows 3..3 are missing"),
        ("DELETE FROM audit_log WHERE id = 5", "rows cut"),
    ],
)
def test_direct_edits_of_the_file_are_detected(tmp_path: Path, sql: str, says: str) -> None:
    _store(tmp_path).close()
    path = tmp_path / "state" / "lantern-api.sqlite"
    _tamper(path, sql)
    problems = verify(StateStore.open(tmp_path / "state")).problems
    assert any(says in p for p in problems), problems
    cli = _cli_verify(tmp_path / "state")
    assert cli.returncode == 1 and "TAMPERED" in cli.stdout, cli.stdout + cli.stderr


def test_a_rewritten_tail_is_caught_with_the_recorded_head(tmp_path: Path) -> None:
    store = _store(tmp_path)
    head = verify(store).head
    store.close()
    path = tmp_path / "state" / "lantern-api.sqlite"
    _tamper(
        path,
        "DELETE FROM audit_log WHERE id = 5",
        "UPDATE sqlite_sequence SET seq = 4 WHERE name = 'audit_log'",
        "UPDATE audit_head SET last_id = 4, last_hash = (SELECT row_hash FROM audit_log WHERE id = 4)",
    )
    store = StateStore.open(tmp_path / "state")
    assert verify(store).ok  # a consistent cut: only an outside copy of the head tells
    assert not verify(store, expect_head=head).ok


def test_state_directory_and_file_are_private(tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    (loose / "lantern-api.sqlite").touch(mode=0o644)
    for state_dir in (tmp_path / "fresh", loose):
        store = StateStore.open(state_dir)
        record(store, "k", "admin", "q", Disclosures({"person:x": {"name"}}))
        assert stat.S_IMODE(state_dir.stat().st_mode) == 0o700
        for f in state_dir.iterdir():
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
        store.close()


@pytest.mark.parametrize(
    ("document", "name", "label"),
    [
        ("{ me { role } }", None, "query me"),
        ("query me { ...F } fragment F on Query { neighbourhood(id: 1) { nodes { id } } }", None,
         "query neighbourhood"),
        ("query Harmless { me: entity(id: 1) { id } ... on Query { paths { hops } } }", "Harmless",
         'query entity,paths (named "Harmless")'),
        ("query A { me { role } } query B { entity(id: 1) { id } }", "B", 'query entity (named "B")'),
        ("query A { me { role } } query B { entity(id: 1) { id } }", None, "query me; query entity"),
    ],
)  # fmt: skip
def test_operation_label_comes_from_the_document(document: str, name: str | None, label: str) -> None:
    assert operation_label(parse(document), name) == label


def test_spoofed_operation_names_are_logged_as_what_ran(sec_api: Api) -> None:
    q = """query me { ...F } fragment F on Query {
      entity(id: "person:viktor petrov") { name evidence { spans { snippet } } } }"""
    before = audit_rows(sec_api)
    assert "Viktor Petrov" in sec_api.gql("investigator", q, operation="me")["data"]["entity"]["name"]
    assert audit_rows(sec_api) == before + 1
    row = sec_api.gql("admin", "{ auditLog(limit: 1) { operation entityIds } }")["data"]["auditLog"][0]
    assert row["operation"] == 'query entity (named "me")' and "person:viktor petrov" in row["entityIds"]


def test_two_operations_without_a_name_are_refused(sec_api: Api) -> None:
    _, text = post(
        sec_api,
        "investigator",
        'query A { me { role } } query B { entity(id: "person:viktor petrov") { name } }',
    )
    assert "Viktor Petrov" not in text and "operationName" in text and '"data":null' in text, text


def test_merge_and_split_are_audited_with_reason_and_result(sec_api: Api) -> None:
    q = '{ search(text: "Larysa Bondar", types: ["Person"]) { hits { entity { id name } } } }'
    hits = sec_api.gql("investigator", q)["data"]["search"]["hits"]
    ids = sorted(h["entity"]["id"] for h in hits if h["entity"]["name"] == "Larysa Bondar")
    assert len(ids) == 2, hits
    merged = sec_api.gql(
        "investigator",
        'mutation M($ids: [String!]!) { mergeEntities(ids: $ids, reason: "same passport") '
        "{ mergeId survivor ids } }",
        {"ids": ids},
    )
    assert "errors" not in merged, merged
    merged = merged["data"]["mergeEntities"]
    sec_api.gql("investigator", f'mutation {{ splitEntity(mergeId: "{merged["mergeId"]}") {{ ids }} }}')
    rows = sec_api.gql("admin", "{ auditLog(limit: 2) { operation entityIds fields details } }")["data"][
        "auditLog"
    ]
    split, merge = rows
    assert merge["operation"] == 'mutation mergeEntities (named "M")' and "merge" in merge["fields"]
    assert set(ids) <= set(merge["entityIds"])
    assert '"reason": "same passport"' in merge["details"][0] and merged["mergeId"] in merge["details"][0]
    assert split["operation"] == "mutation splitEntity" and '"action": "split"' in split["details"][0]
    assert verify(sec_api.app.state.lantern.store).ok
