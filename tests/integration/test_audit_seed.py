"""The supplier audit on the seed: the corpus goes through the real extraction + ingest
(`graph.ingest.ingest_paths`), then the seed supplier register is audited against the planted truth
(`seed/ground_truth.json`: exposed suppliers, each linked through a front)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api import masking
from graph.audit import AuditReport, audit_suppliers, read_suppliers
from graph.config import Settings
from graph.db import Database

ROOT = Path(__file__).resolve().parents[2]
GROUND = json.loads((ROOT / "seed" / "ground_truth.json").read_text(encoding="utf-8"))
EXPOSED = {e["business"]: e for e in GROUND["exposed_suppliers"]}
FRONTS = {e["via_front"] for e in GROUND["exposed_suppliers"]}


@pytest.fixture(scope="module")
def seed_report(session_db: Database, neo4j_settings: Settings) -> AuditReport:
    from graph.ingest import ingest_paths
    from ontology.schema import apply_schema

    session_db.write("platform/drop_all_gds_graphs")
    session_db.write("platform/wipe_graph")
    apply_schema(session_db)
    summary = ingest_paths(session_db, [ROOT / "seed" / "corpus"], region="GB")
    assert summary.written > 100 and not summary.failed
    masking.configure("seed-audit-test")
    suppliers, errors = read_suppliers(ROOT / "seed" / "suppliers.csv")
    return audit_suppliers(session_db, suppliers, errors, max_hops=3, role="admin")


def test_seed_register_is_read_completely(seed_report: AuditReport) -> None:
    assert len(seed_report.results) == 12 and seed_report.errors == []
    assert set(EXPOSED) <= {r.name for r in seed_report.results}


def test_seed_legitimate_suppliers_are_not_exposed(seed_report: AuditReport) -> None:
    legit = [r for r in seed_report.results if r.name not in EXPOSED and r.name not in FRONTS]
    assert len(legit) == 8
    assert [r.name for r in legit if r.status == "exposed"] == []


@pytest.mark.xfail(
    strict=True,
    reason="extraction does not yet type the seed's front links (AgriFlex/BudMax as FrontBusiness, the "
    "recruiters' roles, a typed edge from the buyer to its labour provider); remove when it passes",
)
def test_seed_planted_exposed_suppliers_are_flagged_with_the_right_path(seed_report: AuditReport) -> None:
    by = {r.name: r for r in seed_report.results}
    for name, truth in EXPOSED.items():
        r = by[name]
        assert r.status == "exposed", f"{name}: {r.status}"
        names = {n.name for p in r.paths for n in p.nodes}
        assert truth["via_front"] in names or truth["path"][-1] in names
