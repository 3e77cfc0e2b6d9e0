"""GDPR helpers (masking keeps offsets, identifiers normalised like ingest, request digests) and the
HTCDS field parsing that drives `lantern export --format htcds` (no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.ftm.run import watch_targets
from graph.gdpr.erase import request_digest
from graph.gdpr.retention import RetentionSettings
from graph.gdpr.subject import MASK, SubjectError, identifier_id, mask, mask_spans
from graph.htcds import htcds_fields
from ontology import load_ontology

ROOT = Path(__file__).resolve().parents[2]


def test_masking_keeps_every_offset() -> None:
    text = "Call 07700 900101 or +44 7700 900101 now."
    masked, count = mask(text, ["+44 7700 900101", "07700 900101"])
    assert count == 2 and len(masked) == len(text)
    assert "900101" not in masked and masked.endswith(" now.") and MASK * 5 in masked
    spans = mask_spans("Mara Quill owns it", [(0, 10)])
    assert spans == f"{MASK * 4} {MASK * 5} owns it"


def test_identifiers_are_normalised_like_ingest_and_odd_ones_need_a_kind() -> None:
    assert identifier_id("07700 900101", None, "GB") == "phone:+447700900101"
    assert identifier_id("Jane.Doe@Example.com", None, "GB") == "email:jane.doe@example.com"
    assert identifier_id("XX26 LANT 0000 0000 0011 01", "BankAccount", "GB").startswith("account:")
    with pytest.raises(SubjectError, match="--kind"):
        identifier_id("lantern-boat-7", None, "GB")
    with pytest.raises(SubjectError, match="not an identifier class"):
        identifier_id("x", "Person", "GB")


def test_the_request_digest_depends_on_the_request_only() -> None:
    a = request_digest(["+44 7700 900101"], None, "request 1")
    assert a == request_digest(["+44 7700 900101"], None, "request 1") and len(a) == 64
    assert a != request_digest(["+44 7700 900102"], None, "request 1")


def test_retention_rules_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "LANTERN_RETENTION_RULES", '[{"source": "*case notes*", "days": 30, "action": "redact"}]'
    )
    rules = RetentionSettings().retention_rules
    assert [(r.source, r.days, r.action) for r in rules] == [("*case notes*", 30, "redact")]


def test_htcds_columns_come_from_the_ontology_annotations() -> None:
    ont = load_ontology()
    assert htcds_fields(ont.classes["Phone"].htcds)[0] == ("prs", "prs_MobilePhone", None)
    assert ("org", "org_Type", "NGO") in htcds_fields(ont.classes["NGO"].htcds)
    assert htcds_fields(ont.individual("Recruiter").htcds) == [
        ("per", "per_RoleInProcess", "RecruiterOrIntermediary")
    ]


def test_a_sanctions_list_becomes_watch_targets() -> None:
    targets, errors = watch_targets(ROOT / "seed" / "watchlists" / "sanctions-ftm.jsonl", "GB")
    keys = {t.target for t in targets}
    assert {"phone:+12025550142", "email:l.bondar.transfers@example.org", "person:larysa bondar",
            "account:XX26LANT00000000009901"} <= keys  # fmt: skip
    assert errors == []
