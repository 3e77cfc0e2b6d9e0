"""Issue 26, parts 4-5 on the real Neo4j with the seed graph: `lantern export --format ftm|htcds`,
`lantern import ftm` (round trip and watchlists) and `lantern gdpr access|erase|retention`, through the CLI
as an operator runs them; every operation lands in the audit log."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.config import Settings, get_settings
from graph.db import Database

PHONE = "+44 7700 900101"
PHONE_ID = "phone:+447700900101"
FORMS = ("900101", "7700 900101", "o77oo-nine")


@pytest.fixture()
def operator(neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    s = neo4j_settings
    for k, v in {
        "NEO4J_URI": s.uri,
        "NEO4J_PASSWORD": s.password,
        "LANTERN_STATE_DIR": str(tmp_path / "state"),
    }.items():
        monkeypatch.setenv(k, v)
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def _seed(db: Database, settings: Settings) -> None:
    from api.demo import seed_extraction
    from graph.ingest import ingest_paths
    from ontology.schema import apply_schema

    apply_schema(db)
    ingest_paths(db, [seed_extraction(settings)])


def _run(*args: str) -> str:
    from api.cli import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _snapshot(db: Database) -> tuple[set[tuple[str, str]], dict[tuple[str, str, str], list[str]]]:
    row = db.read("ftm/test_graph_snapshot")[0]
    rels = {(t, a, b): sorted(docs) for t, a, b, docs in row["relationships"]}
    return {(i, k) for i, k in row["nodes"]}, rels


def _audit(settings: Settings) -> list[dict[str, object]]:
    from api.audit_log import entries
    from api.state import StateStore

    return [e.as_dict() for e in entries(StateStore.open(settings.state_path), limit=100)]


def test_ftm_round_trip_keeps_every_entity_identifier_and_relationship(
    db: Database, operator: Settings, tmp_path: Path
) -> None:
    from graph.ftm.mapping import relation_map
    from graph.ftm.run import file_sha256, validate_file

    _seed(db, operator)
    nodes, rels = _snapshot(db)
    out = tmp_path / "lantern-ftm.jsonl"
    printed = _run("export", "--format", "ftm", "--out", str(out))
    assert "every entity validates" in printed
    assert validate_file(out) == []
    row = _audit(operator)[0]
    assert row["operation"] == "export" and row["role"] == "operator"
    lines = len(out.read_text().splitlines())
    assert row["details"] == [
        {"format": "ftm", "out": str(out), "entities": lines, "sha256": file_sha256(out)}
    ]

    db.write("platform/wipe_graph")
    _run("import", "ftm", str(out), "--name", "rt")
    after_nodes, after_rels = _snapshot(db)
    entity_nodes = {n for n in nodes if ":" in n[0] or n[1] not in ("Role", "Indicator", "TraffickingType")}
    assert entity_nodes - after_nodes == set(), (
        "every entity, identifier and document comes back with its kind"
    )
    assert after_nodes - nodes == {("ftm-import:rt", "Document")}  # the import's own provenance record
    assert set(rels) == set(after_rels), "every relationship comes back, same type and ends"
    for key, docs in rels.items():  # evidence: exact for links FtM carries as intervals (Ownership ...);
        # links carried as properties or keywords (phone, roles, indicators) cite the import's record
        if not docs:  # provenance itself, resolution candidates
            assert after_rels[key] in ([], ["ftm-import:rt"]), key
        else:
            assert after_rels[key] == (docs if relation_map(key[0]).schema else ["ftm-import:rt"]), key

    _run("import", "ftm", str(out), "--name", "rt")  # re-running changes nothing
    assert _snapshot(db) == (after_nodes, after_rels)

    # the API's retention scheduler, one period: the import's record (source "ftm") expires at once
    from api.gdpr_scheduler import run_once
    from api.state import StateStore
    from graph.gdpr.retention import RetentionRule, RetentionSettings

    rules = RetentionSettings(retention_rules=[RetentionRule(source="ftm", days=0, action="delete")])
    assert run_once(db, StateStore.open(operator.state_path), rules)["documents_deleted"] == 1
    assert ("ftm-import:rt", "Document") not in _snapshot(db)[0]
    assert _audit(operator)[0]["key_name"] == "api:retention"
    assert run_once(db, StateStore.open(operator.state_path), rules) == {}

    htcds = tmp_path / "htcds"
    _run("export", "--format", "htcds", "--out", str(htcds))
    people = list(csv.DictReader((htcds / "Person.csv").open(encoding="utf-8")))
    orgs = {r["org_ID"]: r for r in csv.DictReader((htcds / "Organisation.csv").open(encoding="utf-8"))}
    assert len(people) == sum(1 for _, kind in nodes if kind == "Person")
    assert "+447700900101" in orgs["business:sonnenblume wellness"]["org_Phone"]
    assert orgs["business:sonnenblume wellness"]["org_Type"] == "CorporateBusiness"
    roles = list(csv.DictReader((htcds / "PersonRole.csv").open(encoding="utf-8")))
    assert {"Exploiter", "Transporter"} <= {r["per_RoleInProcess"] for r in roles}


def test_a_sanctions_list_imports_as_watchlist_and_into_the_graph(db: Database, operator: Settings) -> None:
    from api.state import StateStore
    from api.watch.store import WatchStore

    listing = str(Path(__file__).resolve().parents[2] / "seed" / "watchlists" / "sanctions-ftm.jsonl")
    assert "6 new watch(es)" in _run("import", "ftm", listing, "--as-watchlist", "fictional-sanctions")
    assert "0 new watch(es), 6 already watched" in _run(
        "import", "ftm", listing, "--as-watchlist", "fictional-sanctions"
    )
    targets = {w.target for w in WatchStore(StateStore.open(operator.state_path)).watches()}
    assert {"person:larysa bondar", "phone:+12025550142", "account:XX26LANT00000000009901"} <= targets

    from ontology.schema import apply_schema

    apply_schema(db)
    printed = _run("import", "ftm", listing, "--name", "sanctions")
    assert "fict-sanction-006: FtM schema LegalEntity has no Lantern class" in printed
    nodes, rels = _snapshot(db)
    assert {("ftm:fict-sanction-001", "Person"), ("phone:+12025550142", "Phone"),
            ("account:XX26LANT00000000009901", "BankAccount")} <= nodes  # fmt: skip
    assert rels[("OWNS", "ftm:fict-sanction-001", "ftm:fict-sanction-002")] == ["ftm-import:sanctions"]
    assert ("USES_ACCOUNT", "ftm:fict-sanction-001", "account:XX26LANT00000000009901") in rels
    assert [r["operation"] for r in _audit(operator)[:3]] == [
        "import-ftm",
        "import-watchlist",
        "import-watchlist",
    ]


def _texts(db: Database, doc_ids: list[str]) -> str:
    return " ".join(r["text"] or "" for r in db.read("gdpr/document_texts", ids=doc_ids))


def test_gdpr_access_erase_and_retention_on_the_seed(
    db: Database, operator: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.audit_log import verify
    from api.state import StateStore
    from api.watch.store import WatchStore
    from graph.gdpr.erase import request_digest

    _seed(db, operator)
    store = StateStore.open(operator.state_path)
    watches = WatchStore(store)
    watch = watches.add_watch("anna", "identifier", PHONE_ID, {}, "broker phone")
    watches.add_alert(watch.id, "seed-0001", PHONE_ID, "Phone", "07700900101", "t", "Call 07700900101 now")
    other = watches.add_watch("anna", "entity", "business:sonnenblume wellness", {}, None)
    quoted = watches.add_alert(other.id, "seed-0001", "business:sonnenblume wellness", "Business", "S", "t",
                               "Sonnenblume: call 07700900101")  # fmt: skip
    assert db.read("library/search_entities", q="07700900101", limit=5)[0]["id"] == PHONE_ID
    reasons = ["shares Phone +447700900101 with exploiter Rainer Vogt", "recruiter role in 2 documents"]
    db.write("ftm/test_set_risk_reasons", id="business:sonnenblume wellness", reasons=reasons)

    access = tmp_path / "subject.json"
    _run("gdpr", "access", "--identifier", PHONE, "--out", str(access))
    report = json.loads(access.read_text(encoding="utf-8"))
    assert [e["id"] for e in report["entities"]] == [PHONE_ID]
    docs = sorted({m["document"] for m in report["mentions"]})
    assert len(docs) == report["entities"][0]["doc_count"] and "seed-0001" in docs
    assert ("USES_PHONE", "business:sonnenblume wellness") in {
        (x["type"], x["other_id"]) for x in report["links"]
    }
    assert all(s["context"] and s["text"] for m in report["mentions"] for s in m["snippets"])
    assert [w["id"] for w in report["derived"]["watches"]] == [watch.id]
    assert len(report["derived"]["alerts"]) == 2
    assert _audit(operator)[0]["operation"] == "gdpr-access" and _audit(operator)[0]["entity_ids"] == [
        PHONE_ID
    ]
    assert "900101" in _texts(db, docs)

    receipt_file = tmp_path / "receipt.json"
    _run("gdpr", "erase", "--identifier", PHONE, "--reason", "request 7", "--receipt", str(receipt_file))
    receipt = json.loads(receipt_file.read_text(encoding="utf-8"))
    assert receipt["request_sha256"] == request_digest([PHONE], None, "request 7")
    assert receipt["identifiers"] == [PHONE] and receipt["not_found"] == [] and not receipt["dry_run"]
    removed = receipt["removed"]
    assert removed["entities"] == 1 and removed["documents_redacted"] == len(docs)
    assert removed["relationships"] >= len(docs) + 1 and removed["watches"] == 1 and removed["alerts"] == 1
    assert removed["snippets_masked"] > 0 and receipt["kept"]["audit_log_rows"] == 1
    assert removed["risk_reasons_masked"] == 1
    text = receipt_file.read_text(encoding="utf-8").lower()
    assert "phone:" not in text and "sonnenblume" not in text and "seed-0" not in text

    # what a later search, read or re-ingest returns
    assert db.read("gdpr/subject_nodes", ids=[PHONE_ID]) == []
    assert db.read("library/search_entities", q="07700900101", limit=5) == []
    assert db.read("library/search_entities", q="900101~", limit=20) == [] or all(
        r["id"] != PHONE_ID for r in db.read("library/search_entities", q="900101~", limit=20)
    )
    assert not any(f in _texts(db, docs) for f in FORMS)
    masked_reasons = db.read("gdpr/subject_nodes", ids=["business:sonnenblume wellness"])[0]["props"][
        "risk_reasons"
    ]
    assert masked_reasons[1] == reasons[1] and "900101" not in masked_reasons[0]
    assert masked_reasons[0].startswith("shares Phone ") and masked_reasons[0].endswith(
        " with exploiter Rainer Vogt"
    )
    snippets = [s for e in db.read("gdpr/evidence_in_documents", doc_ids=docs) for s in e["snippets"]]
    assert snippets and not any("900101" in s for s in snippets)
    assert watches.get_watch(watch.id) is None and watches.get_watch(other.id) is not None
    kept = watches.get_alerts([quoted.id])[quoted.id]
    assert "900101" not in kept.snippet and kept.snippet.startswith("Sonnenblume: call ")
    _seed(db, operator)  # the same files again: unchanged documents are skipped, nothing comes back
    assert db.read("gdpr/subject_nodes", ids=[PHONE_ID]) == []
    erase_row = _audit(operator)[0]
    assert erase_row["operation"] == "gdpr-erase" and erase_row["entity_ids"] == []
    assert PHONE not in json.dumps(erase_row) and "900101" not in json.dumps(erase_row)
    assert verify(store).ok

    # retention: case notes redacted, the job board's advert deleted, the rest kept
    rules = (
        '[{"source": "*case notes*", "days": 0, "action": "redact"},'
        ' {"source": "jobs.example.com", "days": 0}]'
    )
    monkeypatch.setenv("LANTERN_RETENTION_RULES", rules)
    dry = _run("gdpr", "retention", "--dry-run")
    assert "Dry run: 37 document(s) would expire under 2 rule(s)." in dry, dry
    before = _snapshot(db)[0]
    people = [r for r in db.read("gdpr/personal_mentions", doc_ids=["seed-0002"], kinds=["Person"])]
    assert people and any(t in _texts(db, ["seed-0002"]) for p in people for t in p["texts"])
    applied = _run("gdpr", "retention")
    assert "36 documents redacted" in applied and "1 documents deleted" in applied, applied
    assert not any(t in _texts(db, ["seed-0002"]) for p in people for t in p["texts"] if len(t) >= 3)
    assert len(_snapshot(db)[0]) < len(before)
    assert "Dry run: 0 document(s)" in _run("gdpr", "retention", "--dry-run")  # done stays done
    assert _audit(operator)[0]["operation"] == "gdpr-retention"
