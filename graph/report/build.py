# ruff: noqa: E501
"""Assemble a Key Judgement Report (a plain dict: the JSON; HTML and PDF render the same dict)."""

from __future__ import annotations

import hashlib
import json
import shlex
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from graph.forecast.calibration import word_for
from graph.forecast.corridors import corridor_events, corridor_pairs, movement_facts
from graph.forecast.panel import build_panel, signal_matrix, upstream_matrix
from graph.report import judgements as jd
from graph.report import sectors, wording
from graph.report.evidence import Doc, parse, place_names
from graph.report.outlook import Outlook, outlook
from graph.report.region import region as read_region
from graph.report.sections import networks, prevention, routes

FORMAT = "lantern-key-judgement-report/1"
MAX_JUDGEMENTS = 8
UNDATED_SHARE = 0.1  # a source this share undated is said in the summary, not only under the gaps
MIN_TESTED = 3  # backtested periods below which the report says its words are untested on this data


@dataclass(frozen=True)
class Request:
    start: date
    end: date
    region: str | None = None
    role: str = "analyst"
    granularity: str = "month"
    k: int = 10

    @property
    def window(self) -> str:
        """The period as a reader names it: "Q4 2025", "2024", "3 – 17 March 2025"."""
        return wording.window(self.start, self.end)

    @property
    def several(self) -> bool:
        """The window spans more than one forecast period."""
        return wording.spans_several_periods(self.start, self.end, self.granularity)

    def previous(self) -> tuple[date, date]:
        """The period the report compares with: as many whole months before a window of whole months
        (2023 before 2024, Q3 before Q4, whatever the days in them), else as many days before."""
        months = wording.whole_months(self.start, self.end)
        if months:
            first = wording.add_months(self.start, -months)
            return first, self.start - timedelta(days=1)
        span = self.end - self.start
        return self.start - span - timedelta(days=1), self.start - timedelta(days=1)


def _count(docs: Iterable[Doc], key: Callable[[Doc], Iterable[str]]) -> Counter[str]:
    c: Counter[str] = Counter()
    for d in docs:
        c.update(set(key(d)))
    return c


def _trend(cur: Counter[str], prev: Counter[str], n: int = 10) -> list[dict[str, object]]:
    names = sorted(set(cur) | set(prev), key=lambda x: (-cur[x], -prev[x], x))[:n]
    return [{"name": x, "label": wording.label(x), "documents": cur[x], "previous": prev[x], "change": cur[x] - prev[x]}
            for x in names]  # fmt: skip


def _sector_rows(cur: list[Doc], prev: list[Doc]) -> list[dict[str, object]]:
    """Documents per sector of the businesses they name, against the previous period
    (`graph/report/sectors.py`); businesses of no known sector are one row, said as such."""
    rows = _trend(_count(cur, lambda d: sectors.of_document(d.business_types)),
                  _count(prev, lambda d: sectors.of_document(d.business_types)), 12)  # fmt: skip
    for r in rows:
        if r["name"] == sectors.UNKNOWN:
            r["label"] = "sector not known (neither the business's class nor its name says one)"
    return rows


def _one_spelling(docs: list[Doc]) -> dict[str, str]:
    """Each spelling of a business name -> the one the report shows: "FACEBOOK" and "Facebook" (a
    headline's capitals, extra spaces) are one business, shown as most documents write it outside
    capitals."""
    spellings: dict[str, Counter[str]] = {}
    for d in docs:
        for name in d.businesses:
            spellings.setdefault(" ".join(name.casefold().split()), Counter())[name] += 1
    return {name: max(c, key=lambda s: (not s.isupper(), c[s], s)) for c in spellings.values() for name in c}


def _business_rows(cur: list[Doc], prev: list[Doc]) -> list[dict[str, object]]:
    """Businesses named in the period against the previous one, each with its sectors."""
    shown = _one_spelling([*cur, *prev])
    classes: dict[str, set[str]] = {}
    for d in [*cur, *prev]:
        for name, cls in d.business_types:
            classes.setdefault(shown[name], set()).add(cls)
    rows = _trend(_count(cur, lambda d: (shown[b] for b in d.businesses)),
                  _count(prev, lambda d: (shown[b] for b in d.businesses)))  # fmt: skip
    for r in rows:
        named = sectors.sectors_of(str(r["name"]), classes.get(str(r["name"]), ()))
        r["sectors"] = "; ".join(wording.label(x) for x in named) or "not known"  # labels hold commas
    return rows


def _why(j: dict[str, Any], k: int) -> str:
    """Why a judged place is a prevention target, in a few words."""
    n = j["numbers"]
    if j["kind"] == "hotspot":
        verb = "stays in" if j["claim"] == "remain" else "enters"
        return f"hotspot: {verb} the top {k} next period ({j['word']})"
    return f"rising: {wording.count(n['documents'])} documents against {wording.count(n['previous'])} the period before"


def _forecast_routes(sec: dict[str, Any], out: Outlook, shown: int = 5) -> None:
    """Next-period outlook per corridor into the routes section: for the period's flows and for the
    corridors the forecast expects most of (documents recording each corridor, per period)."""

    def outlook_of(name: str) -> dict[str, object]:
        p = out.p_at_least(name, 1)
        return {
            "forecast": round(float(out.forecast.mean[out.index(name)]), 1),
            "interval_80": list(out.interval(name)),
            "p_recorded_again": round(p, 2),
            "word": word_for(p),
        }

    for f in sec["flows"]:
        if f["name"] in out.panel.places:
            f.update(outlook_of(f["name"]))
    ranked = sorted(out.panel.places, key=lambda c: -out.forecast.mean[out.index(c)])[:shown]
    sec["outlook"] = {
        "period": out.period,
        "model": out.model,
        "unit": "documents recording the corridor",
        "backtest_origins": out.origins,
        "predicted": [{"name": c, **outlook_of(c)} for c in ranked],
    }


FILE_OF_ROWS = "<these documents as a JSON-lines file>"


def _origin(
    rows: list[dict[str, object]], source: Path | None, graph: dict[str, object] | None
) -> tuple[str, str]:
    """What the report was built from and its sha256, for the provenance: the graph's data digest, the
    file's bytes, or (rows handed in by a caller, no file) the rows themselves as sorted JSON."""
    if graph is not None:
        return "Neo4j graph", str(graph.get("data_sha256"))
    if source is not None and source.exists():
        return str(source), hashlib.sha256(source.read_bytes()).hexdigest()
    canonical = json.dumps(rows, sort_keys=True, ensure_ascii=False, default=str).encode()
    return "documents handed in by the caller (no file)", hashlib.sha256(canonical).hexdigest()


def build_report(
    rows: Iterable[dict[str, object]],
    req: Request,
    source: Path | None = None,
    movements: list[dict[str, Any]] | None = None,
    graph: dict[str, object] | None = None,
) -> dict[str, object]:
    """The report for `req` from extraction lines (history up to `req.end` feeds the forecast).

    `movements` are `analysis/route_facts` rows (the graph's movement relationships); without them the
    relations of the extraction lines are used. `graph` (when read from the graph: the analytics run
    and a digest of the data) turns the networks section on and goes into the provenance."""
    rows = list(rows)
    origin, origin_sha256 = _origin(rows, source, graph)
    facts = movements if movements is not None else movement_facts(rows)
    dated = parse(rows)
    undated = len(rows) - len(dated)  # no publication date: in no period, so in no count of this report
    docs = [d for d in dated if d.day <= req.end]
    area = read_region(req.region) if req.region else None
    if area is not None:
        docs = [d for d in docs if area.covers(d)]

    @cache
    def inside(place: str, country: str | None) -> bool:
        return area is None or area.holds(place, country)

    def places_of(d: Doc) -> list[str]:
        """The hotspot places of a document: those inside the region (a country's report ranks its own
        towns; the places abroad its documents name stay in the routes)."""
        codes = dict(d.locations)
        return [p for p in place_names(d) if inside(p, codes.get(p))]

    p_start, p_end = req.previous()
    cur = [d for d in docs if req.start <= d.day <= req.end]
    prev = [d for d in docs if p_start <= d.day <= p_end]
    if len(cur) < 2:
        raise ValueError(f"only {len(cur)} dated documents in {req.window}"
                         f"{' for ' + req.region if req.region else ''}: a report needs at least 2")  # fmt: skip
    place_cur, place_prev = _count(cur, places_of), _count(prev, places_of)
    type_cur, type_prev = _count(cur, lambda d: d.types), _count(prev, lambda d: d.types)
    panel = build_panel(
        ((p, d.day, d.id) for d in docs for p in places_of(d)), req.granularity, through=req.end
    )
    warnings = signal_matrix(panel, ((p, d.day, d.id) for d in docs if d.indicators and not d.types for p in places_of(d)),
                             req.granularity)  # fmt: skip
    panel = panel.with_leading(warnings, upstream_matrix(panel.places, corridor_pairs(facts, docs)))
    places = outlook(panel, req.granularity, req.k)
    forms = None
    if any(d.types for d in docs):
        forms = outlook(build_panel(((t, d.day, d.id) for d in docs for t in d.types), req.granularity, through=req.end),
                        req.granularity, 3)  # fmt: skip
    corridor_docs = corridor_events(facts, docs, req.granularity)
    route_out = (outlook(build_panel(corridor_docs, req.granularity, through=req.end), req.granularity, 3)
                 if corridor_docs else None)  # fmt: skip
    route_sec = routes(facts, cur, prev, req.window)
    if route_out is not None:
        _forecast_routes(route_sec, route_out)
    last = places.panel.counts[:, -1]
    threshold = max(int(sorted(last, reverse=True)[min(req.k, len(last)) - 1]), 1)
    ranked = sorted(places.panel.places, key=lambda p: -places.forecast.mean[places.index(p)])
    calls: list[dict[str, object] | None] = []
    for p in ranked[:3]:
        calls.append(
            jd.hotspot(
                places,
                jd.Subject(p, place_cur[p], place_prev[p], req.window, req.several),
                threshold,
                req.k,
                cur,
                req.role,
            )
        )
    movers = sorted((p for p in ranked[: 2 * req.k] if p not in ranked[:3]),
                    key=lambda p: -(place_cur[p] - place_prev[p]))  # fmt: skip
    for p in movers[:2]:
        calls.append(
            jd.rising(
                places, jd.Subject(p, place_cur[p], place_prev[p], req.window, req.several), cur, req.role
            )
        )
    forecast_flows = [f for f in route_sec["flows"] if "forecast" in f]  # those with an outlook
    main = next((f for f in forecast_flows if f["documents"] >= 2), None)  # a judgement cites two
    if route_out is not None and main is not None:
        subject = jd.Subject(
            main["name"], main["documents"], main["documents_previous"], req.window, req.several
        )
        calls.append(jd.route(route_out, subject, [d for d in cur if d.id in main["doc_ids"]], req.role))
    if forms is not None:
        for t, _ in type_cur.most_common(2):
            if t in forms.panel.places:
                calls.append(
                    jd.form(
                        forms,
                        jd.Subject(t, type_cur[t], type_prev[t], req.window, req.several),
                        cur,
                        req.role,
                    )
                )
    key = [c for c in calls if c is not None][:MAX_JUDGEMENTS]
    hot = _trend(place_cur, place_prev, 12)
    for h in hot:
        name = str(h["name"])
        if name in places.panel.places:
            h["forecast"] = round(float(places.forecast.mean[places.index(name)]), 1)
            h["interval_80"] = list(places.interval(name))
    single = sorted(p for p, n in place_cur.items() if n == 1)
    thin_types = sorted(t for t, n in type_cur.items() if n < 2)
    indicators = _count(cur, lambda d: d.indicators)
    judged = [(str(j["subject"]), _why(j, req.k)) for j in key if j["kind"] in ("hotspot", "rising")]
    targets = prevention(judged, route_sec["flows"], cur, wording.label, lambda p: inside(p, None))
    region = req.region or "all places"
    net_sec = networks(cur, prev, bool(graph and graph.get("analysis_run")), req.window)
    summary = [str(j["text"]) for j in key[:3]]
    if route_sec["flows"]:
        f = route_sec["flows"][0]
        summary.append(
            f"Main corridor: {f['name']} ({wording.plural(int(f['persons']), 'person', 'people')} moved, "
            f"{wording.change(int(f['change']))} on the previous period; {wording.plural(int(f['documents']), 'document')})."
        )
    else:
        summary.append("No movement was recorded in the period: routes are an intelligence gap.")
    sector_rows = _sector_rows(cur, prev)
    exposed = [r for r in sector_rows if r["name"] != sectors.UNKNOWN and int(r["documents"]) > 0][:3]  # type: ignore[call-overload]
    if exposed:
        summary.append("Sectors most exposed: " + "; ".join(
            f"{r['label']} ({wording.plural(int(r['documents']), 'document')}, {wording.change(int(r['change']))})"  # type: ignore[call-overload]
            for r in exposed) + ".")  # fmt: skip
    if net_sec["available"]:
        summary.append(
            f"Networks: {len(net_sec['appeared'])} appeared, {len(net_sec['grew'])} grew and "
            f"{len(net_sec['went_quiet'])} went quiet (two or more documents each)."
        )
    if places.origins < MIN_TESTED:
        summary.append(f"The forecast could be backtested on only {places.origins} earlier period(s) of these "
                       "documents: its probability words are the model's, not odds tested on this data.")  # fmt: skip
    if rows and undated / len(rows) >= UNDATED_SHARE:
        summary.append(f"{wording.count(undated)} of the source's {wording.count(len(rows))} documents have no publication "
                       "date and are in no count of this report (intelligence gaps).")  # fmt: skip
    if len(key) < 3:
        summary.append(f"Only {len(key)} judgement(s) have two or more supporting documents in this period: "
                       "the sources are too thin for a fuller assessment (see intelligence gaps).")  # fmt: skip
    about = f" about {req.region}" if req.region else ""
    summary.insert(0, f"{wording.plural(len(cur), 'document')}{about} in {req.window} "
                      f"({wording.change(len(cur) - len(prev))} on {wording.window(p_start, p_end)}); forecast for "
                      f"{wording.period(places.period)} by a backtest-weighted pool of models, mainly "
                      f"{places.lead} (the pool and its backtest: 'How this report was made').")  # fmt: skip
    return {
        "format": FORMAT,
        "title": f"Key Judgement Report — {region}, {req.window}",
        "region": req.region, "region_matched": area.described if area else None,
        "from": req.start.isoformat(), "to": req.end.isoformat(),
        "previous": {"from": p_start.isoformat(), "to": p_end.isoformat()},
        "reader_role": req.role,
        "summary": summary,
        "key_judgements": key,
        "hotspots": hot,
        "routes": route_sec,
        "forms": _trend(type_cur, type_prev),
        "indicators": _trend(indicators, _count(prev, lambda d: d.indicators)),
        "networks": net_sec,
        "sectors": sector_rows,
        "businesses": _business_rows(cur, prev),
        "intelligence_gaps": {"places_with_one_document": single, "forms_with_fewer_than_two_documents": thin_types,
                              "documents_without_a_place": sum(1 for d in cur if not d.places),
                              "documents_without_a_date": undated,
                              "routes": route_sec["note"], "networks": net_sec["note"] if not net_sec["available"] else None},
        "prevention_targeting": targets,
        "provenance": {
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "source": origin,
            "graph": graph,
            "source_sha256": origin_sha256,
            "documents_read": len(docs), "documents_in_period": len(cur), "documents_previous_period": len(prev),
            "granularity": req.granularity, "k": req.k, "model": places.model, "predicted_period": places.period,
            "backtest": places.backtest, "calibration": places.calibration, "probabilities": places.probabilities,
            "route_model": route_out.model if route_out else None,
            "route_backtest": route_out.backtest if route_out else None,
            "regenerate": f"lantern report {'--graph' if graph is not None else f'--documents {shlex.quote(str(source)) if source else FILE_OF_ROWS}'} "
                          f"--from {req.start} --to {req.end} "
                          f"--granularity {req.granularity} --role {req.role}"
                          + (f" --region {shlex.quote(req.region)}" if req.region else ""),
        },
    }  # fmt: skip
