"""The transactions CSV reader: header variants, every bad row reported with line and reason, stable ids."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from graph.money.reader import parse_amount, parse_date, read_transactions, read_transactions_text

GOOD = """Booking Date,Amount,CCY,Payer,Beneficiary,Memo,Transaction ID
2026-02-01,"1,250.50",GBP,XX26 LANT 0000 0000 0011 01,XX78LANT00000000002202,rent room 1,T-1
01.02.2026,£300,,XX26LANT00000000001101,XX33LANT00000000003303,,T-2
"""


def test_header_synonyms_and_formats_are_read() -> None:
    rows, errors = read_transactions_text(GOOD, "partner-bank")
    assert errors == []
    first, second = rows
    assert (first.line, first.id, first.amount, first.currency) == (2, "partner-bank:T-1", 1250.5, "GBP")
    assert first.from_account == "XX26LANT00000000001101"  # spaces dropped: the graph's account key
    assert first.reference == "rent room 1" and first.at == datetime(2026, 2, 1) and not first.has_time
    assert (second.amount, second.currency, second.at.date().isoformat()) == (300.0, "GBP", "2026-02-01")


def test_every_bad_row_is_reported_with_line_and_reason_and_the_rest_is_read() -> None:
    text = (
        "date,amount,currency,from_account,to_account,reference\n"
        "2026-02-01,100,EUR,XX1,XX2,ok\n"
        "2026-02-30,100,EUR,XX1,XX2,bad date\n"
        "2026-02-02,-5,EUR,XX1,XX2,negative\n"
        "2026-02-02,abc,EUR,XX1,XX2,not a number\n"
        "2026-02-02,10,,XX1,XX2,no currency\n"
        "2026-02-02,10,EURO,XX1,XX2,bad currency\n"
        "2026-02-02,10,EUR,,XX2,no payer\n"
        "2026-02-02,10,EUR,XX1,X-X 1,same account\n"
        "2026-02-02,€10,GBP,XX1,XX2,clash\n"
        "\n"
        "2026-02-03 14:05,10,eur,XX1,XX3,ok with time\n"
    )
    rows, errors = read_transactions_text(text, "case-7")
    assert [r.line for r in rows] == [2, 12]
    assert rows[1].has_time and rows[1].at == datetime(2026, 2, 3, 14, 5) and rows[1].currency == "EUR"
    reasons = {e.line: e.reason for e in errors}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "not a date" in reasons[3] and "positive" in reasons[4] and "not a number" in reasons[5]
    assert "no currency" in reasons[6] and "three-letter" in reasons[7] and "empty from_account" in reasons[8]
    assert "same account" in reasons[9] and "EUR" in reasons[10] and "GBP" in reasons[10]
    assert all(e.id == f"line-{e.line}" for e in errors)


def test_a_missing_required_column_stops_with_what_to_name_it() -> None:
    with pytest.raises(ValueError, match="no column for amount"):
        read_transactions_text("date,value_eur,from,to\n2026-01-01,1,a,b\n", "p")


def test_derived_ids_are_stable_and_identical_rows_stay_two(tmp_path: Path) -> None:
    text = (
        "date,amount,currency,from,to,reference\n"
        "2026-03-01,50,GBP,XX1,XX2,weekly\n"
        "2026-03-01,50,GBP,XX1,XX2,weekly\n"
        "2026-03-02,50,GBP,XX1,XX2,weekly\n"
    )
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    a, _ = read_transactions(path, "p")
    b, _ = read_transactions(path, "another-name")
    assert [t.id for t in a] == [t.id for t in b]  # derived ids do not depend on who sent the file
    assert len({t.id for t in a}) == 3 and all(t.id.startswith("txn:") for t in a)


def test_a_given_id_used_twice_in_a_file_is_refused_on_the_second_line() -> None:
    text = "id,date,amount,currency,from,to\nA,2026-03-01,5,GBP,XX1,XX2\nA,2026-03-02,6,GBP,XX1,XX2\n"
    rows, errors = read_transactions_text(text, "p")
    assert [r.line for r in rows] == [2]
    assert errors[0].line == 3 and errors[0].id == "A" and "line 2" in errors[0].reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.234,56", (1234.56, "")), ("1 234,5", (1234.5, "")), ("EUR 300", (300.0, "EUR")),
     ("9,999", (9999.0, "")), ("$12.00", (12.0, "USD"))],
)  # fmt: skip
def test_amount_forms(text: str, expected: tuple[float, str]) -> None:
    assert parse_amount(text) == expected


def test_date_forms() -> None:
    assert parse_date("2026-04-05T09:30") == (datetime(2026, 4, 5, 9, 30), True)
    assert parse_date("05/04/2026") == (datetime(2026, 4, 5), False)  # day first
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("April 5th")
