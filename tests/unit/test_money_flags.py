"""Money red flags without a database: settings reach the library queries, reasons are explained with their
transfers, risk adds capped points per flag, scoring counts per flag, the generator is deterministic."""

from __future__ import annotations

from typing import Any

import pytest

from graph.analytics.risk import score_entity
from graph.db import FakeRunner
from graph.library import get_library_query
from graph.money.evaluate import score
from graph.money.flags import FAN_IN, FLAG_NAMES, QUERIES, STRUCTURING, Flag, detect, params_for, write_flags
from graph.money.settings import MoneySettings
from seed.money import generate

FAN_IN_ROW: dict[str, Any] = {
    "account_id": "account:XX26LANT00000000001101",
    "account": "XX26LANT00000000001101",
    "senders": [{"account": f"XX0{i}LANT", "payments": 9, "share": 0.8} for i in range(3)],
    "payments": 27,
    "total": 8100.0,
    "currencies": ["EUR"],
    "first": "2026-01-05",
    "last": "2026-04-20",
    "transfer_ids": [f"txn:{i}" for i in range(27)],
}


@pytest.mark.parametrize("flag", FLAG_NAMES)
def test_library_header_defaults_are_the_settings_defaults(flag: str) -> None:
    """An analyst running the query in Browser with its defaults sees what Lantern flags."""
    query = get_library_query(QUERIES[flag])
    declared = {p.name: p.default for p in query.params}
    wanted = params_for(flag, MoneySettings(), limit=100)
    assert {k: declared[k] for k in wanted} == wanted


def test_detect_passes_the_settings_and_explains_with_the_transfers() -> None:
    runner = FakeRunner(results={QUERIES[FAN_IN]: [FAN_IN_ROW]})
    found = detect(runner, MoneySettings(fan_in_min_senders=5), flags=(FAN_IN,))
    assert runner.calls[0][2]["min_senders"] == 5
    (flag,) = found
    assert flag.account == "XX26LANT00000000001101" and len(flag.transfer_ids) == 27
    assert "3 accounts pay it often" in flag.reason and "80% of its outgoing money" in flag.reason
    assert "txn:0, txn:1" in flag.reason and "and 15 more" in flag.reason


def test_unknown_flag_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="fan-in, rent for several"):
        detect(FakeRunner(), flags=("smurfing",))


def test_write_flags_groups_per_account_and_clears_first() -> None:
    runner = FakeRunner()
    flags = [Flag(FAN_IN, "account:a", "a", "x", ("t1",)), Flag(STRUCTURING, "account:a", "a", "y", ("t2",))]
    assert write_flags(runner, flags, run_id="r1") == 1
    assert [c[0] for c in runner.calls] == ["money/clear_flags", "money/write_flags"]
    (row,) = runner.calls[1][2]["rows"]
    assert row["flags"] == [FAN_IN, STRUCTURING] and row["transfers"] == ["t1", "t2"]


def test_risk_gives_capped_points_per_flag_with_the_reason() -> None:
    facts = {"id": "person:x", "name": "X", "roles": ["Exploiter"], "kind": "Person"}
    reasons = [
        "money red flag fan-in: a",
        "money red flag rent for several: b",
        "money red flag structuring: c",
    ]
    money = [{"account": "XX26", "kind": "BankAccount", "reasons": reasons}]
    risk = score_entity(facts, [], None, money, MoneySettings())
    money_reasons = [r for r in risk.reasons if "money red flag" in r]
    assert money_reasons[0] == "uses bankaccount XX26 with money red flag fan-in: a (+4)"
    assert money_reasons[1].endswith("(+4)") and "capped at 8" in money_reasons[2]
    assert risk.score == 4 + 8


def test_score_counts_per_flag() -> None:
    truth = {"flags": {FAN_IN: ["XX1", "XX2"], STRUCTURING: []}}
    found = [Flag(FAN_IN, "account:XX1", "XX1", ""), Flag(FAN_IN, "account:XX9", "XX9", "")]
    by_flag = {s.flag: s for s in score(found, truth)}
    assert (by_flag[FAN_IN].tp, by_flag[FAN_IN].fp, by_flag[FAN_IN].fn) == (1, 1, 1)
    assert by_flag[FAN_IN].false_positives == ["XX9"] and by_flag[FAN_IN].missed == ["XX2"]
    assert by_flag[STRUCTURING].precision == 1.0 and by_flag[STRUCTURING].recall == 1.0


def test_generator_is_deterministic_fictional_and_plants_every_flag() -> None:
    rows, truth = generate(seed=5, extra_networks=4, people=40)
    again, _ = generate(seed=5, extra_networks=4, people=40)
    assert rows == again and len(rows) == truth["generator"]["transactions"]
    assert all(src.startswith("XX") and "LANT" in src and "LANT" in dst for _, _, _, src, dst, _ in rows)
    assert {f for f, subjects in truth["flags"].items() if subjects} == set(FLAG_NAMES)
    seven = {n["id"] for n in truth["networks"]} >= {f"N{i}" for i in range(1, 8)}
    assert seven and truth["networks"][0]["collector"] == "XX26LANT00000000001101"
    assert generate(seed=6, extra_networks=4, people=40)[0] != rows


def test_masked_reasons_hide_accounts_but_keep_dates_and_amounts() -> None:
    """Dates next to amounts must not look like phone numbers to the masking scrubber."""
    from graph.money.flags import RAPID, explain
    from graph.privacy import mask_snippet

    s = MoneySettings()
    structuring = {
        "transfers": [{"date": f"2026-03-0{i}", "amount": 9720.82, "currency": "EUR"} for i in (1, 5, 9)]
    }
    event = {"date": "2026-03-22", "amount": 1150.63, "currency": "EUR", "out_amount": 1041.44}
    rapid = {"events": [event] * 3, "passed_through": 3451.89, "first": "2026-03-01", "last": "2026-03-22",
             "received": 3600.0, "share": 0.959}  # fmt: skip
    for flag, row in ((STRUCTURING, structuring), (RAPID, rapid)):
        masked = mask_snippet(explain(flag, row, s), "analyst") or ""
        assert "2026-03-01" in masked and "[phone]" not in masked, masked
    sender = {"account": "XX26LANT00000000001101", "payments": 9, "share": 0.8}
    reason = Flag(FAN_IN, "account:a", "a", explain(FAN_IN, {**FAN_IN_ROW, "senders": [sender]}, s)).reason
    masked = mask_snippet(reason, "analyst") or ""
    assert "XX26LANT00000000001101" not in masked and "[account]" in masked and "2026-01-05" in masked


def test_rapid_in_out_and_advertising_explain_the_share_and_the_platform_payments() -> None:
    from graph.money.flags import ADVERTISING, RAPID, explain

    s = MoneySettings()
    event = {"date": "2026-03-22", "amount": 1150.63, "currency": "EUR", "out_amount": 1041.44}
    rapid = {"events": [event] * 3, "passed_through": 3451.89, "first": "2026-03-01", "last": "2026-03-22",
             "received": 3600.0, "share": 0.959}  # fmt: skip
    assert "96% of the 3,600.00 it received meanwhile (at least 75%)" in explain(RAPID, rapid, s)
    ads = {"payments": 6, "by_platform": 2, "first": "2026-02-01", "last": "2026-02-20", "total": 180.0,
           "platforms": ["XX01LANT"], "references": ["Escort listing bump", "Featured listing"]}  # fmt: skip
    text = explain(ADVERTISING, ads, s)
    assert (
        "6 payments for classifieds / adult-services adverts (2 of them without an advertising word, " in text
    )
    assert "at least 3 payers pay for adverts)" in text
    assert "without an advertising word" not in explain(ADVERTISING, {**ads, "by_platform": 0}, s)
    runner = FakeRunner()
    detect(runner, MoneySettings(ad_platform_min_payers=0, rapid_min_share=0.5), flags=(ADVERTISING, RAPID))
    assert runner.calls[0][2]["platform_min_payers"] == 0 and runner.calls[1][2]["min_share"] == 0.5
