"""audit_suppliers over a FakeRunner: statuses, ranking, risk, masking and the three report formats."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from graph import privacy as masking
from graph.audit import audit_suppliers, write_report
from graph.audit.exposure import path_risk
from graph.audit.suppliers import RowError, Supplier
from graph.db import FakeRunner

CANDIDATES = [
    {
        "id": "business:northgate haulage@leeds",
        "name": "Northgate Haulage Ltd",
        "kind": "Business",
        "phones": ["+447700900456"],
        "addresses": ["12 Mill Road, Leeds"],
        "country_codes": ["GB"],
    },
    {
        "id": "business:greenfield bakery@york",
        "name": "Greenfield Bakery",
        "kind": "Business",
        "phones": ["+447700900789"],
        "addresses": [],
        "country_codes": ["GB"],
    },
]
EXPOSURE = [
    {
        "hops": 2,
        "nodes": [
            {"id": "business:northgate haulage@leeds", "name": "Northgate Haulage Ltd", "kind": "Business"},
            {"id": "person:karel vonn", "name": "Karel Vonn", "kind": "Person"},
            {
                "id": "business:bright suds car wash@leeds",
                "name": "Bright Suds Car Wash",
                "kind": "FrontBusiness",
            },
        ],
        "rels": [
            {
                "type": "OWNS",
                "from": "person:karel vonn",
                "to": "business:northgate haulage@leeds",
                "snippets": ["Karel Vonn also owns Northgate Haulage Ltd."],
                "doc_ids": ["d2"],
                "confidence": 0.9,
                "people": [],
            },
            {
                "type": "OWNS",
                "from": "person:karel vonn",
                "to": "business:bright suds car wash@leeds",
                "snippets": ["Bright Suds Car Wash is owned by Karel Vonn; call +44 7700 900123."],
                "doc_ids": ["d1"],
                "confidence": 0.9,
                "people": [{"id": "person:lena morava", "name": "Lena Morava", "texts": ["Lena Morava"]}],
            },
        ],
        "reasons": ["front business", "exploitation site"],
        "risk_score": None,
        "trafficking_types": ["ForcedLabour"],
        "incidents": [],
        "doc_ids": ["d1", "d2"],
    }
]


@pytest.fixture(autouse=True)
def _secret() -> None:
    masking.configure("unit-test-secret")


def _runner() -> FakeRunner:
    def exposure(params: dict[str, Any]) -> list[dict[str, Any]]:
        return EXPOSURE if params["business_id"] == "business:northgate haulage@leeds" else []

    return FakeRunner(
        results={"supplier_audit/business_candidates": CANDIDATES, "supplier_audit/exposure_paths": exposure}
    )


def _report():  # type: ignore[no-untyped-def]
    suppliers = [
        Supplier(2, "S-001", "Greenfield Bakery", "", "+44 7700 900789", "GB"),
        Supplier(3, "S-002", "Northgate Haulage Limited", "12 Mill Road, Leeds", "07700 900456", "GB"),
        Supplier(4, "S-004", "Nowhere Widgets GmbH", "", "", "DE"),
    ]
    return audit_suppliers(
        _runner(),
        suppliers,
        [RowError(5, "S-005", "the name is empty")],
        max_hops=3,
        register="suppliers.csv",
    )


def test_statuses_ranking_and_risk() -> None:
    report = _report()
    got = [(r.rank, r.supplier_id, r.status) for r in report.results]
    assert got == [
        (1, "S-002", "exposed"),
        (2, "S-001", "matched, no exposure found"),
        (3, "S-004", "no match"),
    ]
    exposed = report.results[0]
    assert exposed.matches[0].business_name == "Northgate Haulage Ltd"
    assert exposed.risk == pytest.approx(path_risk(["front business"], 2) * exposed.matches[0].score)
    assert report.counts() == {"no match": 1, "matched, no exposure found": 1, "exposed": 1, "errors": 1}


def test_path_risk_decays_with_hops() -> None:
    assert path_risk(["front business"], 0) == 1.0
    assert path_risk(["front business"], 1) == 1.0
    assert path_risk(["exploitation site"], 2) == pytest.approx(0.675)
    assert path_risk(["risk score 0.91"], 3) < path_risk(["trafficking role: Recruiter"], 3)


def test_auditor_masking_hides_people_in_nodes_ids_and_snippets() -> None:
    path = _report().results[0].paths[0]
    person = path.nodes[1]
    assert person.name.startswith("Person ") and "Vonn" not in person.name
    assert person.id.startswith("anon:")
    assert path.hops[0].source == person.id
    text = " ".join(s for h in path.hops for s in h.snippets)
    assert "Karel" not in text and "Vonn" not in text and "900123" not in text
    assert "Bright Suds Car Wash" in text  # businesses stay in clear


def test_admin_sees_clear_names() -> None:
    report = audit_suppliers(
        _runner(), [Supplier(2, "S-002", "Northgate Haulage Ltd", "", "", "GB")], role="admin"
    )
    assert report.results[0].paths[0].nodes[1].name == "Karel Vonn"


def test_three_formats(tmp_path: Path) -> None:
    report = _report()
    html = write_report(report, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<svg" in html and "<style>" in html
    assert "<script" not in html and 'src="http' not in html and "<link" not in html  # readable on its own
    assert "Bright Suds Car Wash" in html and "Karel Vonn" not in html
    assert "the name is empty" in html and "Rows that could not be audited" in html
    write_report(report, tmp_path / "r.csv")
    rows = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert [r["status"] for r in rows] == ["exposed", "matched, no exposure found", "no match", "error"]
    assert "OWNS" in rows[0]["exposure_path"] and rows[0]["evidence_doc_ids"] == "d1 d2"
    data = json.loads(write_report(report, tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["counts"]["exposed"] == 1 and data["errors"][0]["row"] == 5
    assert data["results"][0]["paths"][0]["reasons"] == ["front business", "exploitation site"]
    with pytest.raises(ValueError, match="Unknown report format"):
        write_report(report, tmp_path / "r.pdf")


def test_co_mention_only_paths_are_weak_and_down_weighted() -> None:
    shady = {"id": "business:shady@leeds", "name": "Shady Ltd", "kind": "FrontBusiness"}
    weak_row = {
        "hops": 1,
        "nodes": [EXPOSURE[0]["nodes"][0], shady],
        "rels": [
            {
                "type": "MENTIONED_TOGETHER",
                "from": "business:northgate haulage@leeds",
                "to": shady["id"],
                "snippets": ["Northgate Haulage Ltd and Shady Ltd were named."],
                "doc_ids": ["d9"],
                "people": [],
            }
        ],
        "reasons": ["front business"],
        "risk_score": None,
        "trafficking_types": [],
        "incidents": [],
        "doc_ids": [],
    }

    def exposure(params: dict[str, Any]) -> list[dict[str, Any]]:
        return [*EXPOSURE, weak_row] if params["include_weak"] else EXPOSURE

    runner = FakeRunner(results={"supplier_audit/business_candidates": CANDIDATES,
                                 "supplier_audit/exposure_paths": exposure})  # fmt: skip
    report = audit_suppliers(runner, [Supplier(2, "S-002", "Northgate Haulage Ltd", "", "", "GB")])
    paths = report.results[0].paths
    assert [p.nodes[-1].name for p in paths] == ["Bright Suds Car Wash", "Shady Ltd"]
    assert paths[1].weak and not paths[0].weak
    assert paths[1].risk == pytest.approx(0.5 * 0.9)  # front (1.0) × weak hop (0.5) × match score 0.9
