"""Resolvers for auditors and overviews: businessExposure, hotspots, routes, routeGaps, documents,
analysisRuns."""

from __future__ import annotations

import json
from typing import Any

from api.graphql import types as t
from api.graphql.context import LanternContext
from api.graphql.present import edge_doc_ids, presenter
from api.graphql.resolvers import _kinds, _page_info, _text_arg, resolve_read_id
from api.limits import EVIDENCE_PER_EDGE, MAX_HOPS, api_error, bounded, page


def _explain(business: t.Entity, paths: list[t.ExposurePath], docs: list[t.ExposureDocument]) -> list[str]:
    lines: list[str] = []
    for p in paths[:5]:
        chain = " → ".join(f"{n.caption}" for n in p.nodes)
        hops = " / ".join(e.type for e in p.edges)
        roles = f" (role: {', '.join(p.target_roles)})" if p.target_roles else ""
        risk = f", risk {p.target.risk_score:.2f}" if p.target.risk_score is not None else ""
        lines.append(
            f"{p.hops} hop(s) to {p.target.caption} [{p.target.kind}]{roles}{risk}: {chain} via {hops}."
        )
    for d in docs[:5]:
        what = ", ".join(d.trafficking_types + d.incidents + d.indicators)
        lines.append(f"Mentioned in document {d.document_id} ({what}).")
    if not lines:
        lines.append(f"No trafficking-linked entity or incident found within reach of {business.caption}.")
    return lines


async def business_exposure(
    ctx: LanternContext,
    name: str | None,
    entity_id: str | None,
    max_hops: int,
    min_risk: float | None,
    limit: int | None,
) -> t.BusinessExposure | None:
    if not name and not entity_id:
        raise api_error("BAD_USER_INPUT", "Give the business `name` or its `id`.")
    bounded("maxHops", max_hops, 1, MAX_HOPS)
    lim, _ = page(limit, 0, ctx.settings, default=25)
    real = await resolve_read_id(ctx, entity_id) if entity_id else ""
    business_name = _text_arg("name", name or "", True)
    p = await presenter(ctx)
    if p.masking and p.text(business_name) != business_name:
        return None  # a name that reads as a person's: answered as an unknown business (no oracle)
    found = await ctx.graph.read("api/business_lookup", id=real, business_name=business_name)
    if not found:
        return None
    raw_b = found[0]["entity"]
    rows = await ctx.graph.read(
        "api/business_exposure_paths",
        id=raw_b["id"],
        max_hops=max_hops,
        min_risk=min_risk,
        limit=lim,
        ev_limit=EVIDENCE_PER_EDGE,
    )
    docs_rows = await ctx.graph.read("api/business_documents", id=raw_b["id"], limit=lim)
    p.learn_nodes([raw_b, *(n for r in rows for n in r["nodes"])])
    await p.learn_documents(
        edge_doc_ids(e for r in rows for e in r["edges"]) | {d["doc_id"] for d in docs_rows}
    )
    business = p.entity(raw_b)
    paths = [
        t.ExposurePath(
            hops=r["hops"],
            target=p.entity(r["target"]),
            target_roles=list(r.get("target_roles") or []),
            nodes=[p.entity(n) for n in r["nodes"]],
            edges=[p.edge(e) for e in r["edges"]],
        )
        for r in rows
    ]
    docs = [
        t.ExposureDocument(
            document_id=p.text(d["doc_id"], "id") or "",
            title=p.text(d.get("title"), "title"),
            published=d.get("published"),
            trafficking_types=list(d["trafficking_types"]),
            incidents=list(d["incidents"]),
            indicators=list(d["indicators"]),
        )
        for d in docs_rows
    ]
    p.flush()
    return t.BusinessExposure(
        business=business,
        exposed=bool(paths or docs),
        paths=paths,
        documents=docs,
        explanation=_explain(business, paths, docs),
    )


async def hotspots(ctx: LanternContext, kinds: list[str] | None, limit: int | None, offset: int | None):
    lim, off = page(limit, offset, ctx.settings)
    rows = await ctx.graph.read("api/hotspots", kinds=_kinds(kinds), offset=off, limit=lim)
    p = await presenter(ctx)
    return [
        t.Hotspot(
            location=p.entity(r["location"]),
            events=r["events"],
            persons=r["persons"],
            event_types=list(r["event_types"]),
            doc_count=r["doc_count"],
        )
        for r in rows
    ]


async def routes(ctx: LanternContext, limit: int | None, offset: int | None) -> list[t.Route]:
    lim, off = page(limit, offset, ctx.settings)
    rows = await ctx.graph.read("api/routes", offset=off, limit=lim)
    p = await presenter(ctx)
    return [
        t.Route(
            origin=p.entity(r["origin"]),
            destination=p.entity(r["destination"]),
            via=[p.entity(v) for v in r["via"]],
            persons=r["persons"],
            document_ids=p.ids(r["doc_ids"]),
        )
        for r in rows
    ]


async def route_gaps(ctx: LanternContext, limit: int | None, offset: int | None) -> list[t.RouteGap]:
    lim, off = page(limit, offset, ctx.settings)
    rows = await ctx.graph.read("api/route_gaps", offset=off, limit=lim)
    p = await presenter(ctx)
    return [
        t.RouteGap(
            reason=r["reason"],
            fact=r["fact"],
            place=p.entity(r["place"]),
            persons=r["persons"],
            document_ids=p.ids(r["doc_ids"]),
        )
        for r in rows
    ]


MASKED_SEARCH_SCAN = 1000
"""Masked roles search the masked titles: at most this many title matches are scanned per request."""


async def documents(
    ctx: LanternContext, kind: str | None, text: str | None, limit: int | None, offset: int | None
):
    """Documents, newest first. A masked role searches the titles AS IT SEES THEM: the title matches
    are scrubbed first and only those whose masked title still holds the text are kept (and paged),
    so a name or number hidden in a title cannot be found (or counted) by searching for it."""
    lim, off = page(limit, offset, ctx.settings)
    kind_arg, text_arg = _text_arg("kind", kind or "", True), _text_arg("text", text or "", True)
    p = await presenter(ctx)
    if p.masking and text_arg:
        if p.text(text_arg) != text_arg:
            rows: list[dict[str, Any]] = []  # the text itself is personal: no masked title can hold it
        else:
            scanned = await ctx.graph.read(
                "api/documents", kind=kind_arg, text=text_arg, offset=0, limit=MASKED_SEARCH_SCAN
            )
            needle = text_arg.lower()
            shown = [(r, p.text(r["document"].get("title"), "title") or "") for r in scanned]
            kept = [r for r, title in shown if needle in title.lower()]
            rows = kept[off : off + lim + 1]
    else:
        rows = await ctx.graph.read("api/documents", kind=kind_arg, text=text_arg, offset=off, limit=lim + 1)
    await p.learn_documents(r["document"]["id"] for r in rows[:lim])
    docs = [
        t.Document(
            id=p.text(d["id"], "id") or "",
            title=p.text(d.get("title"), "title"),
            source=p.text(d.get("source"), "source"),
            url=p.text(d.get("url"), "url"),
            published=d.get("published"),
            kind=d.get("kind"),
            ingested_at=d.get("ingested_at"),
            extractor_version=d.get("extractor_version"),
            entity_count=r["entity_count"],
            trafficking_types=list(r["trafficking_types"]),
            indicators=list(r["indicators"]),
        )
        for r in rows[:lim]
        for d in [r["document"]]
    ]
    return t.DocumentPage(documents=docs, page_info=_page_info(lim, off, len(rows)))


def _run(raw: dict[str, Any]) -> t.AnalysisRun:
    algos = raw.get("algorithms", raw.get("algorithm")) or []
    params = raw.get("parameters")
    return t.AnalysisRun(
        id=str(raw.get("id")),
        algorithms=[str(a) for a in (algos if isinstance(algos, list) else [algos])],
        parameters=params if isinstance(params, str) or params is None else json.dumps(params),
        node_count=raw.get("node_count"),
        relationship_count=raw.get("relationship_count"),
        started_at=None if raw.get("started_at") is None else str(raw["started_at"]),
        duration_ms=raw.get("duration_ms"),
    )


async def analysis_runs(ctx: LanternContext, limit: int | None, offset: int | None) -> list[t.AnalysisRun]:
    lim, off = page(limit, offset, ctx.settings)
    return [_run(r["run"]) for r in await ctx.graph.read("api/analysis_runs", offset=off, limit=lim)]
