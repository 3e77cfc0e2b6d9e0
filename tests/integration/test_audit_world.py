"""The supplier audit end to end on the ingested fictional world: the planted exposed supplier is flagged
with the right path and evidence, legitimate suppliers are cleared, malformed rows are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.config import Settings
from graph import privacy as masking
from graph.audit import audit_suppliers, read_suppliers, write_report
from graph.db import Database
from tests.integration.library_world import SUPPLIERS_CSV, load_world


@pytest.fixture(scope="module")
def register(
    tmp_path_factory: pytest.TempPathFactory, session_db: Database, neo4j_settings: Settings
) -> Path:
    load_world(session_db, neo4j_settings)
    path = tmp_path_factory.mktemp("audit") / "suppliers.csv"
    path.write_text(SUPPLIERS_CSV, encoding="utf-8")
    masking.configure("integration-test-secret")
    return path


def test_audit_flags_planted_supplier_and_clears_legitimate(register: Path, session_db: Database) -> None:
    suppliers, errors = read_suppliers(register)
    report = audit_suppliers(session_db, suppliers, errors, max_hops=3, register=str(register))
    by = {r.supplier_id: r for r in report.results}
    assert by["S-002"].status == "exposed" and by["S-002"].rank == 1
    assert by["S-001"].status == "matched, no exposure found"
    assert by["S-003"].status == "matched, no exposure found"
    assert by["S-004"].status == "no match"
    assert by["S-003"].matches[0].reasons[0].method == "fuzzy name"
    assert [m.method for m in by["S-002"].matches[0].reasons][:2] == ["exact phone", "normalised name"]

    top = by["S-002"].paths[0]
    assert top.nodes[0].name == "Northgate Haulage Ltd" and top.nodes[-1].name == "Bright Suds Car Wash"
    assert len(top.hops) == 2
    assert {"front business", "exploitation site"} <= set(top.reasons)
    assert all(h.snippets and h.doc_ids for h in top.hops)
    assert "ForcedLabour" in top.trafficking_types
    assert {d.doc_id for d in by["S-002"].named_in if d.business_id == top.nodes[0].id} == {"lib-doc-2"}
    assert by["S-002"].risk == pytest.approx(0.75)  # front at 2 hops (0.75 decay) × match 1.0

    assert [(e["row"], e["supplier_id"]) for e in report.errors] == [(6, "S-005"), (7, "S-006")]
    assert "6 fields but the header has 5" in report.errors[0]["reason"]


def test_auditor_report_masks_people(register: Path, session_db: Database, tmp_path: Path) -> None:
    suppliers, errors = read_suppliers(register)
    report = audit_suppliers(session_db, suppliers, errors, max_hops=3)
    html = write_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    data = json.loads(write_report(report, tmp_path / "r.json").read_text(encoding="utf-8"))
    for clear in ("Karel Vonn", "Vonn", "Lena Morava", "+447700900456", "900456"):
        assert clear not in html, f"{clear} should be masked for the auditor role"
        assert clear not in json.dumps(data)
    assert "Bright Suds Car Wash" in html and "<svg" in html


def test_cli_writes_reports_and_reports_bad_rows(
    register: Path, neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.cli import app

    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    from api.config import get_settings

    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(
            app,
            [
                "audit",
                str(register),
                "--max-hops",
                "3",
                "--out",
                str(tmp_path / "a.csv"),
                "--out",
                str(tmp_path / "a.html"),
            ],
        )
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "Row 6 (S-005)" in result.output or "Row 6 (S-005)" in (
        result.stderr if result.stderr_bytes else ""
    )
    assert "1 exposed" in result.output
    lines = (tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()
    assert lines[1].split(",")[1] == "S-002" and ",exposed," in lines[1]
    assert (tmp_path / "a.html").stat().st_size > 2000
