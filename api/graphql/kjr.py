"""`keyJudgementReport(region, from, to, granularity)`: the Key Judgement Report read from the graph.

The same content as `lantern report --graph --out report.json` (`content`), with the parts most
clients show typed (summary, key judgements and their cited documents). Built for the caller's role:
snippets are masked by `graph.privacy` while the report is assembled, and then every string of the
answer goes through the response's `Presenter` — scrubbed for masked roles, personal values shown in
clear recorded as disclosures for the audit log (like every other read).
"""

from __future__ import annotations

import asyncio
import re
from datetime import date
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from api.graphql.present import Presenter, presenter
from api.graphql.resolvers import _text_arg
from api.limits import api_error
from graph.report.build import Request
from graph.report.graph_source import DOCUMENTS, MOVEMENTS, RUNS, document_params, from_rows

REPORT_WORK = 5_000
"""Estimated cost of the report's computation (api/cost.py): the default heavy-lane threshold, so the
backtests run in the heavy lane (at most `api_heavy_concurrency` at once) and count against budgets."""
MAX_SPAN_DAYS = 731  # two years; the previous period of the same length is read as well
GRANULARITIES = ("month", "quarter", "year")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NOT_TEXT = {"probability", "documents", "previous", "change", "forecast", "interval_80", "threshold"}


@strawberry.type(description="A document a key judgement cites (snippet masked for the reader's role).")
class CitedDocument:
    id: str
    date: str
    title: str
    snippet: str


@strawberry.type(description="One key judgement: a PHIA probability word, its numbers and its documents.")
class KeyJudgement:
    kind: str = strawberry.field(description="hotspot | rising | route | form")
    subject: str
    word: str = strawberry.field(description="PHIA yardstick word (remote chance … almost certain).")
    probability: float
    text: str
    would_change_it: str
    numbers: JSON
    evidence: list[CitedDocument]


@strawberry.type(description="A Key Judgement Report for a region and period, for the caller's role.")
class KeyJudgementReport:
    title: str
    region: str | None
    from_: str = strawberry.field(name="from")
    to: str
    reader_role: str
    summary: list[str]
    key_judgements: list[KeyJudgement]
    content: JSON = strawberry.field(
        description="The whole report as `lantern report --out report.json` writes it (same role applied)."
    )


def _day(name: str, value: str) -> date:
    try:
        if not _DATE.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise api_error("BAD_USER_INPUT", f"{name} must be a date YYYY-MM-DD.") from None


def request(region: str | None, start: str, end: str, granularity: str, role: str) -> Request:
    first, last = _day("from", start), _day("to", end)
    if last < first:
        raise api_error("BAD_USER_INPUT", "`to` is before `from`: give the period's first and last day.")
    if (last - first).days > MAX_SPAN_DAYS:
        raise api_error("LIMIT_EXCEEDED", f"The period is longer than {MAX_SPAN_DAYS} days: ask for less.")
    if granularity not in GRANULARITIES:
        raise api_error("BAD_USER_INPUT", f"granularity must be one of {', '.join(GRANULARITIES)}.")
    where = _text_arg("region", region, True) if region is not None else ""
    return Request(first, last, where or None, role, granularity)


def _too_few(region: bool) -> Exception:
    """The one answer for a period (and region) without enough documents — the same for a region that
    names a person a masked role may not see, so the answer is no oracle for who is in the graph."""
    where = " for that region" if region else ""
    return api_error("NOT_FOUND", f"No report: fewer than 2 dated documents in that period{where}. "
                     "Widen the period or drop the region (`documents` lists what is dated).")  # fmt: skip


def _present(value: Any, p: Presenter, key: str = "") -> Any:
    """Every string of the report as the role may see it (scrubbed, or disclosed and recorded)."""
    if isinstance(value, dict):
        return {k: _present(v, p, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_present(v, p, key) for v in value]
    if isinstance(value, str) and key not in _NOT_TEXT:
        return p.text(value, "id" if key in ("id", "doc_ids") else "snippet") or ""
    return value


def _doc_ids(value: Any) -> set[str]:
    out: set[str] = set()
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "doc_ids" and isinstance(v, list):
                out.update(map(str, v))
            elif k == "evidence" and isinstance(v, list):
                out.update(str(e["id"]) for e in v if isinstance(e, dict))
            else:
                out |= _doc_ids(v)
    elif isinstance(value, list):
        for v in value:
            out |= _doc_ids(v)
    return out


def _judgement(j: dict[str, Any]) -> KeyJudgement:
    return KeyJudgement(
        kind=j["kind"], subject=j["subject"], word=j["word"], probability=float(j["probability"]),
        text=j["text"], would_change_it=j["would_change_it"], numbers=j["numbers"],
        evidence=[CitedDocument(id=e["id"], date=e["date"], title=e["title"], snippet=e["snippet"])
                  for e in j["evidence"]],
    )  # fmt: skip


@strawberry.type
class KeyJudgementQuery:
    @strawberry.field(
        description=(
            "Key Judgement Report read from the graph for a region and period: judgements in PHIA "
            "probability language from the backtest-weighted forecast, hotspots, routes from the movement "
            "relationships, networks that appeared/grew/went quiet, sectors and businesses exposed, gaps, "
            "prevention targeting."
        ),
        metadata={"work": REPORT_WORK},
    )
    async def key_judgement_report(
        self,
        info: Info,
        from_: Annotated[str, strawberry.argument(name="from")],
        to: str,
        region: str | None = None,
        granularity: str = "month",
    ) -> KeyJudgementReport:
        ctx = info.context
        req = request(region, from_, to, granularity, ctx.role.value)
        p = await presenter(ctx)
        if req.region and p.masking and p.text(req.region) != req.region:
            raise _too_few(True)  # a region that reads as a personal value: answered like an unknown one
        records = await ctx.graph.read(DOCUMENTS, **document_params(req))
        facts = await ctx.graph.read(MOVEMENTS)
        runs = await ctx.graph.read(RUNS, offset=0, limit=1)
        try:  # CPU-bound (backtests): off the event loop
            report = await asyncio.to_thread(from_rows, records, facts, runs, req)
        except ValueError:  # fewer than 2 dated documents (its message would echo the region)
            raise _too_few(bool(req.region)) from None
        await p.learn_documents(_doc_ids(report))
        shown = _present(report, p)
        p.flush()
        return KeyJudgementReport(
            title=shown["title"],
            region=shown["region"],
            from_=shown["from"],
            to=shown["to"],
            reader_role=shown["reader_role"],
            summary=list(shown["summary"]),
            key_judgements=[_judgement(j) for j in shown["key_judgements"]],
            content=shown,
        )
