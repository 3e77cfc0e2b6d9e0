"""The supplier audit on the seed: the corpus goes through the real extraction + ingest
(`graph.ingest.ingest_paths`), then the seed supplier register is audited against the planted truth
(`seed/ground_truth.json`: exposed suppliers, each linked through a front)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.config import Settings
from graph import privacy as masking
from graph.audit import AuditReport, audit_suppliers, read_suppliers
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
    matched = [r for r in legit if r.matches]
    assert len(matched) >= 2 and all(
        r.status == "matched, no exposure found" and not r.paths for r in matched
    )


def _documents_naming(*names: str) -> set[str]:
    """Seed documents whose text names every one of `names` (the evidence a hop must cite)."""
    found = set()
    for path in (ROOT / "seed" / "corpus").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            if all(n in doc["text"] for n in names):
                found.add(doc["id"])
    return found


def test_seed_fronts_are_typed_front_business_by_extraction(
    session_db: Database, seed_report: AuditReport
) -> None:
    from graph.library import run_library_query

    for front in FRONTS:
        hits = run_library_query(session_db, "search_entities", {"q": f'"{front}"', "limit": 5})
        assert any(h["kind"] == "FrontBusiness" and h["name"] == front for h in hits), (front, hits)


@pytest.mark.parametrize("supplier", sorted(EXPOSED))
def test_seed_planted_exposed_supplier_is_flagged_with_the_right_path(
    supplier: str, seed_report: AuditReport, session_db: Database
) -> None:
    """The ground truth path supplier → front → phone → recruiter: the audit's best path is its first hop
    (labour supply, evidence = the supply-chain article), ending at the front; the front's phone then
    leads to the planted recruiter."""
    from graph.library import run_library_query

    truth = EXPOSED[supplier]
    supplier_name, front, phone, recruiter = truth["path"]
    r = {x.name: x for x in seed_report.results}[supplier]
    assert r.status == "exposed" and r.rank <= 4 and r.risk >= 0.8, (r.status, r.rank, r.risk)
    best = r.paths[0]
    assert [n.name for n in best.nodes] == [supplier_name, front]
    assert [n.kind for n in best.nodes] == ["Business", "FrontBusiness"]
    assert best.reasons == ["front business"]
    hop = best.hops[0]
    assert hop.type == "SUPPLIED_LABOUR_TO"
    assert (hop.source, hop.target) == (best.nodes[1].id, best.nodes[0].id)  # provider → client
    evidence = _documents_naming(supplier_name, front, "supplied by")
    assert len(evidence) == 1 and hop.doc_ids == sorted(evidence)
    assert any("supplied by the labour provider" in s for s in hop.snippets)
    # the rest of the planted path: the front's number is also the recruiter's
    holders = run_library_query(session_db, "phone_network", {"phone": phone, "limit": 50})
    names = {(h["holder"], h["holder_id"]) for h in holders}
    assert (front, best.nodes[1].id) in names and recruiter in {n for n, _ in names}
