"""Money flows on the real Neo4j: generated transactions imported with provenance and bad rows reported,
re-import changes nothing, the red flags find the planted patterns, a person and a business using a flagged
account get a risk reason naming the flag and its transfers, and the supplier audit reports the exposure."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from api.config import Settings
from extraction.models import ExtractionResult
from graph import privacy as masking
from graph.analytics.run import run_analysis
from graph.audit import audit_suppliers
from graph.audit.suppliers import Supplier
from graph.db import Database
from graph.ingest import ingest_results
from graph.library import get_library_query, run_library_query
from graph.money.evaluate import score
from graph.money.flags import FAN_IN, FLAG_NAMES, QUERIES, detect
from graph.money.load import import_transactions
from graph.money.reader import read_transactions
from ontology.schema import apply_schema
from seed.money import HEADER, generate

COLLECTOR = "XX26LANT00000000001101"  # the seed network N1's exploiter account (fictional XX IBAN)
TEXT = (
    "Rainer Vogt owns Vogt Fahrdienst GmbH. "
    "Rainer Vogt collected the money through the account XX26 LANT 0000 0000 0011 01. "
    "Vogt Fahrdienst GmbH paid its bills from XX26 LANT 0000 0000 0011 01."
)


def _document() -> ExtractionResult:
    def span(needle: str, start: int = 0) -> tuple[int, int]:
        i = TEXT.index(needle, start)
        return i, i + len(needle)

    acct = TEXT.index("XX26")

    def ent(eid: str, kind: str, surface: str, value: str, attrs: dict[str, Any]) -> dict[str, Any]:
        return {"id": eid, "type": kind, "text": surface, "value": value, "attributes": attrs}

    ents = [
        ent("p", "Person", "Rainer Vogt", "Rainer Vogt", {"roles": ["Exploiter"]}),
        ent("b", "Business", "Vogt Fahrdienst GmbH", "Vogt Fahrdienst GmbH", {}),
        ent("a", "BankAccount", "XX26 LANT 0000 0000 0011 01", COLLECTOR, {}),
    ]
    for e in ents:
        e["start"], e["end"] = span(e["text"], acct if e["id"] == "a" else 0)
        e["confidence"] = 0.9
    sentences = [(0, 39), (40, 121), (122, len(TEXT))]
    rels = [("OWNS", "p", "b", 0), ("USES_ACCOUNT", "p", "a", 1), ("USES_ACCOUNT", "b", "a", 2)]
    return ExtractionResult.model_validate({
        "id": "money-doc-1", "text": TEXT, "title": "Collection account", "published": "2026-03-01",
        "doc_type": "CaseNarrative", "source": "tests/money", "extractor_version": "test-1", "entities": ents,
        "relations": [{"id": f"r{i}", "type": t, "source": s, "target": d, "start": sentences[n][0],
                       "end": sentences[n][1], "confidence": 0.85, "snippet": TEXT[slice(*sentences[n])]}
                      for i, (t, s, d, n) in enumerate(rels)],
        "classification": {"trafficking_types": [], "indicators": []},
    })  # fmt: skip


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    rows, truth = generate(seed=3, extra_networks=3, people=40)
    path = tmp_path_factory.mktemp("money") / "transactions.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for at, amount, cur, src, dst, ref in rows:
            w.writerow((at.strftime("%Y-%m-%d %H:%M"), f"{amount:.2f}", cur, src, dst, ref))
        w.writerow(("2026-13-01", "10", "GBP", "XX1", "XX2", "a bad date"))
        w.writerow(("2026-02-01", "-10", "GBP", "XX1", "XX2", "a negative amount"))
    return path, truth


def _count(db: Database) -> dict[str, Any]:
    return db.read("money/transfer_totals")[0]


def test_import_keeps_provenance_reports_bad_rows_and_reimport_changes_nothing(
    db: Database, generated: tuple[Path, dict[str, Any]]
) -> None:
    path, truth = generated
    txs, errors = read_transactions(path, "partner-bank")
    assert [(e.line, "not a date" in e.reason or "positive" in e.reason) for e in errors] == [
        (len(txs) + 2, True),
        (len(txs) + 3, True),
    ]
    first = import_transactions(db, txs, source="partner-bank", path=path, errors=errors)
    assert (first.transfers_written, first.evidence_added, len(first.errors)) == (len(txs), len(txs), 2)
    totals = _count(db)
    assert totals["transfers"] == len(txs) == truth["generator"]["transactions"]
    assert totals["with_evidence"] == len(txs) and totals["records"] == 1
    (ev,) = db.read("money/transfer_evidence", ids=[txs[5].id])
    assert ev["doc_ids"] == ["transactions:partner-bank/transactions.csv"] and ev["rows"] == [txs[5].line]
    assert ev["snippets"] == [txs[5].raw] and ev["amount"] == txs[5].amount

    again = import_transactions(db, txs, source="partner-bank", path=path, errors=[])
    assert (again.transfers_written, again.evidence_added, again.unchanged) == (len(txs), 0, len(txs))
    assert _count(db) == totals


def test_a_reused_id_for_another_payment_is_refused_with_where_it_came_from(
    db: Database, tmp_path: Path
) -> None:
    a = tmp_path / "a.csv"
    a.write_text("id,date,amount,currency,from,to\nP-1,2026-01-02,40,GBP,XX11,XX12\n", encoding="utf-8")
    b = tmp_path / "b.csv"
    b.write_text("id,date,amount,currency,from,to\nP-1,2026-01-09,99,GBP,XX11,XX13\n", encoding="utf-8")
    import_transactions(db, read_transactions(a, "bank")[0], source="bank", path=a)
    second = import_transactions(db, read_transactions(b, "bank")[0], source="bank", path=b)
    (err,) = second.errors
    assert err.line == 2 and "transactions:bank/a.csv line 2" in err.reason and second.transfers_written == 0


def test_flags_find_the_planted_patterns_and_feed_risk_and_audit(
    db: Database, generated: tuple[Path, dict[str, Any]], neo4j_settings: Settings
) -> None:
    path, truth = generated
    apply_schema(db)
    import_transactions(db, read_transactions(path, "partner-bank")[0], source="partner-bank", path=path)
    found = detect(db)
    for s in score(found, truth):
        assert s.recall == 1.0, (s.flag, s.missed)
        assert s.precision >= 0.75, (s.flag, s.false_positives)
    assert {f.flag for f in found} == set(FLAG_NAMES)
    for flag, name in QUERIES.items():  # as an analyst runs them (Browser guide, `lantern queries run`)
        query = get_library_query(name)
        rows = run_library_query(db, query.name, query.example_params())
        subjects = {r["account"] for r in rows}
        assert set(truth["flags"][flag]) <= subjects, (name, set(truth["flags"][flag]) - subjects)
    fan_in = next(f for f in found if f.flag == FAN_IN and f.account == COLLECTOR)
    assert len(fan_in.transfer_ids) >= 12 and "accounts pay it often" in fan_in.explanation

    db.write("money/clear_flags")  # nothing stored: `lantern analyze` detects them before risk
    ingest_results(db, [_document()])
    summary = run_analysis(db, neo4j_settings, only="networks,risk")
    assert summary.money_flagged == len({f.account_id for f in found})
    assert "money red flags" in summary.step_ms
    (vogt,) = db.read("library/search_entities", q="Rainer Vogt", limit=1)
    reasons = db.read("money/entity_risk", id=vogt["id"])[0]["reasons"]
    money = [r for r in reasons if "money red flag fan-in" in r]
    assert money and money[0].startswith(f"uses bankaccount {COLLECTOR} with money red flag fan-in: ")
    assert money[0].endswith("(+4)") and any(t in money[0] for t in fan_in.transfer_ids[:12])

    masking.configure("integration-test-secret")
    supplier = Supplier(row=2, supplier_id="S-1", name="Vogt Fahrdienst GmbH")
    report = audit_suppliers(db, [supplier], max_hops=2)
    (result,) = report.results
    assert result.status == "exposed"
    path_ = next(p for p in result.paths if any(r.startswith("money red flag") for r in p.reasons))
    assert path_.risk > 0 and [h.type for h in path_.hops] == ["USES_ACCOUNT"]
    assert COLLECTOR not in " ".join(path_.reasons)  # the auditor sees account numbers masked


def _acct(n: int) -> str:
    return f"XX99LANT{n:014d}"  # fictional: no country XX, the invented bank code LANT


def _rows_for_pass_through_and_platforms() -> list[tuple[str, float, str, int, int, str]]:
    """A mule (everything it receives leaves within hours), an account whose daily payments add up to a
    deposit now and then (most of what it receives stays), and keyword-free payments to an ad platform."""
    rows: list[tuple[str, float, str, int, int, str]] = []
    for day in (1, 8, 15, 22):
        rows.append((f"2026-02-{day:02d} 10:00", 2000.0, "GBP", 1, 2, "loan"))  # collector → mule
        rows.append((f"2026-02-{day:02d} 15:00", 1900.0, "GBP", 2, 3, "goods"))  # mule → abroad
        rows.append((f"2026-02-{day:02d} 10:00", 1500.0, "GBP", 4, 5, "cash deposit"))  # → the earner
    for day in range(1, 28):
        rows.append((f"2026-02-{day:02d} 08:00", 900.0, "GBP", 6, 5, "wages"))
        rows.append((f"2026-02-{day:02d} 20:00", 700.0, "GBP", 5, 7, "weekly"))  # earner → someone, daily
    for payer in (10, 11, 12):  # three payers name the platform's adverts
        rows.append((f"2026-02-0{payer - 9} 12:00", 20.0, "GBP", payer, 20, "Escort listing bump"))
    for day in (2, 6, 10, 14, 18):  # a fourth pays the same platform with no advertising word
        rows.append((f"2026-02-{day:02d} 12:00", 25.0, "GBP", 13, 20, "Featured listing"))
    return rows


def test_rapid_in_out_needs_most_of_the_money_to_pass_and_platform_payments_are_adverts(
    db: Database, tmp_path: Path
) -> None:
    from graph.money.flags import ADVERTISING, RAPID
    from graph.money.settings import MoneySettings

    path = tmp_path / "flows.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for at, amount, cur, src, dst, ref in _rows_for_pass_through_and_platforms():
            w.writerow((at, f"{amount:.2f}", cur, _acct(src), _acct(dst), ref))
    apply_schema(db)
    txs, errors = read_transactions(path, "case-7")
    assert not errors
    import_transactions(db, txs, source="case-7", path=path)

    def flagged(flag: str, s: MoneySettings) -> dict[str, str]:
        return {f.account: f.explanation for f in detect(db, s, flags=(flag,))}

    rapid = flagged(RAPID, MoneySettings())
    assert set(rapid) == {_acct(2)}  # the mule; the earner's daily payments are not a pass-through
    assert "100% of the 8,000.00 it received meanwhile (at least 75%)" in rapid[_acct(2)]
    assert _acct(5) in flagged(RAPID, MoneySettings(rapid_min_share=0.0))  # the rule that did flag it
    ads = flagged(ADVERTISING, MoneySettings())
    assert _acct(13) in ads and "(5 of them without an advertising word" in ads[_acct(13)]
    assert not {_acct(n) for n in (10, 11, 12)} & set(ads)  # one advert each stays below
    assert _acct(13) not in flagged(ADVERTISING, MoneySettings(ad_platform_min_payers=0))
    assert _acct(13) not in flagged(ADVERTISING, MoneySettings(ad_platform_min_payers=4))
