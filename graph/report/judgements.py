# ruff: noqa: E501
"""Key judgements: one sentence each in PHIA language, with its numbers, ≥ 2 cited documents and
what would change it. A judgement without two supporting documents is not written.

Four kinds: `hotspot` (X will remain/become one of the k places with most reports next period),
`rising` (reports naming X will rise above the latest count), `route` (movement along a corridor
will be recorded again; the same model on documents per corridor), `form` (reporting of a form of
trafficking will hold at or above its latest level; the same model on counts per type)."""

from __future__ import annotations

from dataclasses import dataclass

from graph.forecast.calibration import word_for
from graph.report import wording as w
from graph.report.evidence import Doc, cite
from graph.report.outlook import Outlook


@dataclass(frozen=True)
class Subject:
    """What a judgement is about, with its document counts this period and the previous one."""

    name: str
    cur: int
    prev: int
    window: str  # as a reader names it ("Q4 2025"; `wording.window`)
    several: bool = False  # the window spans several forecast periods: say how many were in the last


def opening(word: str) -> str:
    """How a judgement starts: "It is likely", "It is a realistic possibility", but "There is a remote
    chance" (the yardstick's one bare noun phrase)."""
    return "There is a remote chance" if word == "remote chance" else f"It is {word}"


def _judge(kind: str, out: Outlook, s: Subject, q: int, support: list[Doc], role: str, place: str | None,
           claim: str, change: str, p: float | None = None) -> dict[str, object] | None:  # fmt: skip
    """`claim` and `change` are templates over {opening}, {word}, {lo}, {hi}, {mean}, {cur}, {prev},
    {delta} (the change with its 80 % interval), {recent}, {q}, {period}, {last}, {label}, {s} and the
    clauses {Fewer_q}, {Fewer_lo},
    {fewer_lo} ("No document", "Fewer than 12 documents") and {more_hi} ("1 document"): written for a reader
    (`wording`); the probability is P(at least `q`) unless the judgement gives its own `p`."""
    if len(support) < 2:
        return None
    p = out.p_at_least(s.name, q) if p is None else p
    lo, hi = out.interval(s.name)
    mean = float(out.forecast.mean[out.index(s.name)])
    median = out.middle(s.name)
    said = w.amount(mean) + (f" (mean; median {w.count(median)})" if skewed(mean, median) else "")
    latest = int(out.panel.counts[out.index(s.name), -1])
    last = w.period(out.panel.periods[-1])
    fields = {"word": word_for(p), "opening": opening(word_for(p)), "lo": w.count(lo), "hi": w.count(hi),
              "mean": said, "cur": w.count(s.cur), "prev": w.count(s.prev), "delta": _change(s.cur, s.prev),
              "recent": f", {w.count(latest)} of them in {last}" if s.several else "", "s": s,
              "period": w.period(out.period), "last": last, "q": w.count(q), "label": w.label(s.name),
              "Fewer_q": w.fewer(q), "Fewer_lo": w.fewer(lo), "fewer_lo": w.fewer(lo).lower(),
              "more_hi": w.plural(hi, "document")}  # fmt: skip
    return {"kind": kind, "subject": s.name, "probability": round(p, 2), "word": word_for(p),
            "text": claim.format(**fields), "would_change_it": change.format(**fields),
            "numbers": {"documents": s.cur, "previous": s.prev, "change": s.cur - s.prev, "latest_period": latest,
                        "change_interval_80": list(change_interval(s.cur, s.prev)),
                        "forecast": round(mean, 1), "median": median, "interval_80": [lo, hi], "threshold": q},
            "evidence": cite(support, role, place)}  # fmt: skip


def skewed(mean: float, median: int) -> bool:
    """Whether a forecast's mean alone would mislead: the median is more than a quarter (and more
    than one document) away from it, as when one candidate of the pool expects far more than the
    others. The judgement's probability is about the whole distribution; a reader who saw only
    "forecast 111" would not expect "unlikely to reach 91" when the median is 22."""
    return abs(mean - median) > max(1.0, 0.25 * mean)


def _naming(docs: list[Doc], place: str) -> list[Doc]:
    return [d for d in docs if place in {p for p, _, _ in d.places}]


def hotspot(
    out: Outlook, s: Subject, threshold: int, k: int, docs: list[Doc], role: str
) -> dict[str, object] | None:
    remains = s.cur >= threshold
    if remains:
        claim = f"{{opening}} that {{s.name}} will remain one of the {k} places with the most reports in "
        change = ("{Fewer_q} naming {s.name} in {period} (the " + _ordinal(k) + " place's count "
                  "in {last}), or a source that stops reporting there, would weaken this judgement.")  # fmt: skip
    else:
        claim = f"{{opening}} that {{s.name}} will become one of the {k} places with the most reports in "
        change = ("{q} or more documents naming {s.name} in {period} (the " + _ordinal(k) + " place's count in "
                  "{last}) would bear this out; a new source reporting there would raise the count without a "
                  "change on the ground.")  # fmt: skip
    claim += ("{period} ({cur} documents in {s.window}{recent}, {delta} on the previous period; forecast {mean}, "
              "80% interval {lo}–{hi}).")  # fmt: skip
    judged = _judge("hotspot", out, s, threshold, _naming(docs, s.name), role, s.name, claim, change,
                    out.p_hotspot(s.name))  # fmt: skip
    if judged is not None:
        judged["claim"] = "remain" if remains else "become"  # one of the top k already, or not yet
    return judged


def rising(out: Outlook, s: Subject, docs: list[Doc], role: str) -> dict[str, object] | None:
    last = int(out.panel.counts[out.index(s.name), -1])
    trend = "growing" if s.cur > s.prev else "falling" if s.cur < s.prev else "flat"
    return _judge("rising", out, s, last + 1, _naming(docs, s.name), role, s.name,
                  f"{{opening}} that reports naming {{s.name}} will rise above {w.count(last)} (their count in "
                  f"{{last}}) in {{period}}; activity there is {trend} ({{cur}} documents in {{s.window}} against "
                  "{prev} before, {delta}; forecast {mean}, 80% interval {lo}–{hi}).",
                  "More than {more_hi} naming {s.name} in {period} would point to a faster shift than the "
                  "model expects; {fewer_lo} naming it would mean the shift has stalled.")  # fmt: skip


def route(out: Outlook, s: Subject, docs: list[Doc], role: str) -> dict[str, object] | None:
    """Movement along corridor `s.name` (origin → transit → destination) will be recorded again;
    `docs` are the documents of the period that record it."""
    return _judge("route", out, s, 1, docs, role, None,
                  "{opening} that movement along {s.name} will be recorded again in {period} ({cur} "
                  "documents in {s.window}{recent}, {delta} on the previous period; forecast {mean} documents, "
                  "80% interval {lo}–{hi}).",
                  "No document recording movement along {s.name} in {period} would lower this; more than {more_hi} "
                  "would mean the corridor is busier than the model expects. Sources that stop recording "
                  "movement change the count without a change on the ground.")  # fmt: skip


def form(out: Outlook, s: Subject, docs: list[Doc], role: str) -> dict[str, object] | None:
    last = max(int(out.panel.counts[out.index(s.name), -1]), 1)  # "at or above 0" says nothing
    return _judge("form", out, s, last, [d for d in docs if s.name in d.types], role, None,
                  f"{{opening}} that reporting of {{label}} will hold at or above {w.count(last)} documents (its "
                  "count in {last}) in {period} ({cur} documents in {s.window}, {delta} on the previous "
                  "period; forecast {mean}, 80% interval {lo}–{hi}).",
                  "{Fewer_lo} on {label} in {period} would lower this; a new source covering "
                  "{label} would raise the counts without a change on the ground.")  # fmt: skip


CHANGE_LEVEL = 0.8


def change_interval(cur: int, prev: int, level: float = CHANGE_LEVEL) -> tuple[int, int]:
    """How far the change `cur - prev` could move by chance alone: the central `level` interval of
    the difference of two Poisson counts at the observed rates (Skellam). Reporting that clusters
    (one case, several releases) varies more than this, so it is a lower bound on the noise."""
    from scipy.stats import skellam

    tail = (1 - level) / 2
    lo, hi = skellam.ppf([tail, 1 - tail], max(cur, 1e-9), max(prev, 1e-9))
    return int(lo), int(hi)


def _change(cur: int, prev: int) -> str:
    """ "+2,289 (80% interval +2,222 to +2,357)": the change and how far chance alone could move it."""
    lo, hi = change_interval(cur, prev)
    return f"{w.change(cur - prev)} ({CHANGE_LEVEL:.0%} interval {w.change(lo)} to {w.change(hi)})"


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
