"""How a report names periods, counts and ontology names for a reader (`graph.report.wording`)."""

from __future__ import annotations

from datetime import date

import pytest

from graph.report import wording


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        (date(2024, 1, 1), date(2024, 12, 31), "2024"),
        (date(2025, 10, 1), date(2025, 12, 31), "Q4 2025"),
        (date(2025, 3, 1), date(2025, 3, 31), "March 2025"),
        (date(2024, 2, 1), date(2024, 2, 29), "February 2024"),  # a leap year's February is whole
        (date(2025, 10, 1), date(2025, 11, 30), "October – November 2025"),
        (date(2025, 2, 1), date(2025, 4, 30), "February – April 2025"),  # three months, not a quarter
        (date(2024, 11, 1), date(2025, 1, 31), "November 2024 – January 2025"),
        (date(2025, 3, 3), date(2025, 3, 17), "3 – 17 March 2025"),
        (date(2025, 3, 3), date(2025, 4, 2), "3 March – 2 April 2025"),
        (date(2024, 12, 20), date(2025, 1, 5), "20 December 2024 – 5 January 2025"),
        (date(2025, 3, 3), date(2025, 3, 3), "3 March 2025"),
    ],
)
def test_a_window_is_named_as_a_reader_names_it(start: date, end: date, said: str) -> None:
    assert wording.window(start, end) == said


def test_forecast_periods_counts_and_forecasts_read_as_words_and_numbers() -> None:
    assert [wording.period(p) for p in ("2026-01", "2024-Q2", "2024")] == ["January 2026", "Q2 2024", "2024"]
    assert (wording.count(2529), wording.change(2289), wording.change(-101), wording.change(0)) == (
        "2,529", "+2,289", "-101", "+0",
    )  # fmt: skip
    assert [wording.amount(x) for x in (8.74, 569.0, 1155.4, 9.96)] == ["8.7", "569", "1,155", "10"]
    people = (wording.plural(1, "person", "people"), wording.plural(17, "person", "people"))
    assert people == ("1 person", "17 people")


@pytest.mark.parametrize(
    ("start", "end", "granularity", "several"),
    [
        (date(2025, 12, 1), date(2025, 12, 31), "month", False),
        (date(2025, 10, 1), date(2025, 12, 31), "month", True),
        (date(2025, 10, 1), date(2025, 12, 31), "quarter", False),
        (date(2025, 11, 1), date(2026, 1, 31), "quarter", True),  # three months across two quarters
        (date(2024, 1, 1), date(2024, 12, 31), "year", False),
        (date(2024, 1, 1), date(2024, 12, 31), "quarter", True),
        (date(2025, 3, 3), date(2025, 3, 17), "month", False),  # inside one month
        (date(2025, 2, 20), date(2025, 3, 17), "month", True),
    ],
)
def test_a_window_over_several_forecast_periods_is_recognised(
    start: date, end: date, granularity: str, several: bool
) -> None:
    assert wording.spans_several_periods(start, end, granularity) is several


def test_ontology_names_read_as_the_ontology_labels_them() -> None:
    assert wording.label("SexTrafficking") == "sex trafficking"
    assert wording.label("OnlineAdvertising") == "online advertising"
    assert wording.label("Prague") == "Prague"  # not an ontology individual: as it is


def test_clauses_on_few_documents_read_as_english() -> None:
    assert (wording.fewer(0), wording.fewer(1), wording.fewer(12)) == (
        "No document", "No document", "Fewer than 12 documents",
    )  # fmt: skip
    assert (wording.plural(1, "document"), wording.plural(2, "document")) == ("1 document", "2 documents")


def test_the_previous_period_of_whole_months_is_the_same_months_before() -> None:
    from graph.report.build import Request

    def previous(a: date, b: date) -> tuple[date, date]:
        return Request(a, b).previous()

    assert previous(date(2024, 1, 1), date(2024, 12, 31)) == (
        date(2023, 1, 1),
        date(2023, 12, 31),
    )  # leap year
    assert previous(date(2025, 10, 1), date(2025, 12, 31)) == (date(2025, 7, 1), date(2025, 9, 30))
    assert previous(date(2024, 3, 1), date(2024, 3, 31)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert previous(date(2025, 3, 3), date(2025, 3, 17)) == (date(2025, 2, 16), date(2025, 3, 2))  # days
    assert wording.whole_months(date(2024, 1, 1), date(2024, 12, 31)) == 12
    assert wording.add_months(date(2025, 1, 1), -3) == date(2024, 10, 1)


def test_a_change_carries_how_far_chance_alone_could_move_it() -> None:
    """The 80 % interval of the difference of two Poisson counts at the observed rates (Skellam)."""
    from graph.report.judgements import _change, change_interval

    assert change_interval(2529, 240) == (2222, 2357)
    assert change_interval(0, 0) == (0, 0)
    lo, hi = change_interval(112, 24)
    assert (
        lo < 88 < hi and hi - lo > change_interval(12, 2)[1] - change_interval(12, 2)[0]
    )  # more counts, wider
    assert change_interval(3, 0)[0] >= 0  # nothing before: the change cannot be negative
    assert _change(128, 229) == "-101 (80% interval -125 to -77)"
