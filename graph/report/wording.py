"""How a report writes periods, counts and ontology names for a reader: "Q4 2025", "January 2026",
"2,529", "sex trafficking" — never "2025-10-01 – 2025-12-31", "569.0" or "SexTrafficking". The JSON
keeps ISO dates and ontology names beside these (`from`, `to`, `name`) for other tools."""

from __future__ import annotations

import calendar
from datetime import date
from functools import cache

from graph.forecast.panel import period_of
from ontology import load_ontology

MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # English whatever the locale (calendar.month_name follows it)


def _month_end(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def whole_months(start: date, end: date) -> int:
    """How many whole calendar months `start`..`end` covers (0 unless it starts on a 1st and ends on a
    month's last day)."""
    if start.day != 1 or end != _month_end(end) or end < start:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


def add_months(d: date, n: int) -> date:
    """The first of the month `n` months from `d`'s month (n may be negative)."""
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def fewer(n: int, noun: str = "document") -> str:
    """ "No document" (n <= 1), "Fewer than 12 documents": a clause to go on with " naming Prague"."""
    return f"No {noun}" if n <= 1 else f"Fewer than {count(n)} {noun}s"


def window(start: date, end: date) -> str:
    """A date range as a reader names it: a year ("2024"), a quarter ("Q4 2025"), a month ("October
    2025"), whole months ("October – November 2025"), else the days ("3 – 17 March 2025")."""
    whole = whole_months(start, end) > 0
    if whole and (start.month, end.month) == (1, 12) and start.year == end.year:
        return str(start.year)
    if whole and start.year == end.year and start.month % 3 == 1 and end.month == start.month + 2:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if whole and (start.year, start.month) == (end.year, end.month):
        return f"{MONTHS[start.month]} {start.year}"
    if whole:
        first = MONTHS[start.month] + ("" if start.year == end.year else f" {start.year}")
        return f"{first} – {MONTHS[end.month]} {end.year}"
    if start == end:
        return f"{start.day} {MONTHS[start.month]} {start.year}"
    same_month = (start.year, start.month) == (end.year, end.month)
    first = f"{start.day}" + ("" if same_month else f" {MONTHS[start.month]}")
    first += "" if start.year == end.year else f" {start.year}"
    return f"{first} – {end.day} {MONTHS[end.month]} {end.year}"


def period(label: str) -> str:
    """A forecast period (`graph.forecast.panel.period_of`) for a reader: "2026-01" -> "January 2026",
    "2024-Q2" -> "Q2 2024", "2024" -> "2024"."""
    year, _, rest = label.partition("-")
    if not rest:
        return year
    if rest.startswith("Q"):
        return f"{rest} {year}"
    return f"{MONTHS[int(rest)]} {year}"


def spans_several_periods(start: date, end: date, granularity: str) -> bool:
    """True when the window starts before the forecast period its last day falls in (then a judgement
    says how many of its documents fell in that last period)."""
    return period_of(start, granularity) != period_of(end, granularity)


def count(n: int) -> str:
    """An integer with thousands separators: 2529 -> "2,529"."""
    return f"{n:,}"


def change(n: int) -> str:
    """A signed change: +2,289, -101, +0."""
    return f"{n:+,}"


def amount(x: float) -> str:
    """A forecast mean as a count a reader can hold: one decimal below 10 ("8.7"), whole above
    ("569", "1,155")."""
    return f"{x:.1f}" if abs(round(x, 1)) < 10 else f"{round(x):,}"


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 person", "17 people"; "1 document", "2 documents"."""
    return f"{count(n)} {one if n == 1 else many or one + 's'}"


@cache
def label(name: str) -> str:
    """The ontology's English label of a named individual (a form of trafficking, an indicator):
    `SexTrafficking` -> "sex trafficking"; any other name as it is."""
    info = load_ontology().individuals_by_name.get(name)
    return info.label if info is not None and info.label else name
