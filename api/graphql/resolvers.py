"""Query resolvers: validate arguments, run one or two catalog queries, present (mask) the rows.

Kept thin on purpose (the benchmark compares them with the same Cypher through the raw driver).
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

from api import audit_log
from api.auth import CAN_READ_AUDIT_LOG
from api.graphql import types as t
from api.graphql.context import LanternContext
from api.graphql.not_found import require_entities
from api.graphql.present import Presenter, presenter
from api.limits import EVIDENCE_PER_EDGE, MAX_DEPTH, MAX_HOPS, api_error, bounded, page
from graph.privacy import CATEGORY_KINDS, MASKED_CATEGORIES, is_masked
from graph.resolve_keys import phone_digits, phone_from_matches, search_value

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
MAX_TEXT = 200
UNKNOWN_ID = "\x00unknown"
"""What an id a caller may not address resolves to: no entity has it, so every field answers exactly
as for an id that does not exist (no existence oracle)."""
NOT_FOUND_MESSAGE = "No entity with this id. Find ids with `search`; masked roles use the ids responses give."


def _text_arg(name: str, value: str, allow_empty: bool = False) -> str:
    value = value.strip()
    if not value and not allow_empty:
        raise api_error("BAD_USER_INPUT", f"{name} must not be empty.")
    if len(value) > MAX_TEXT:
        raise api_error("LIMIT_EXCEEDED", f"{name} is longer than {MAX_TEXT} characters.")
    return value


def _kinds(types: list[str] | None) -> list[str]:
    kinds = list(types or [])
    unknown = [k for k in kinds if k not in t.ENTITY_KINDS]
    if unknown:  # the message does not echo the input (it may be a personal value)
        raise api_error(
            "BAD_USER_INPUT",
            f"{len(unknown)} unknown entity type(s); use ontology class names such as Person, Phone.",
        )
    return kinds


def hidden_kinds(ctx: LanternContext) -> list[str]:
    """Kinds a role may not search on (searching them would confirm hidden values exist)."""
    cats = MASKED_CATEGORIES.get(ctx.role.value, frozenset())
    return sorted(k for c in cats for k in CATEGORY_KINDS[c])


def lucene_query(text: str) -> str:
    """User text as literal Lucene terms: specials escaped, operators neutralised by lower-casing."""
    return _LUCENE_SPECIAL.sub(r"\\\1", text.lower())


def resolve_id(ctx: LanternContext, entity_id: str) -> str:
    """A client-supplied id → the graph id (pseudonymous `anon:` ids are looked up; one never handed
    out resolves to :data:`UNKNOWN_ID`)."""
    entity_id = _text_arg("id", entity_id)
    if entity_id.startswith("anon:"):
        rows = ctx.store.execute("SELECT entity_id FROM pseudonyms WHERE token = ?", (entity_id,))
        return str(rows[0]["entity_id"]) if rows else UNKNOWN_ID
    return entity_id


async def resolve_read_id(ctx: LanternContext, entity_id: str) -> str:
    """:func:`resolve_id` for the read fields. A masked role addresses a personal entity only by the
    opaque id a response gave it: a raw id of an entity it sees masked (`phone:+44…`, a person id, a
    person-shaped business id) resolves to :data:`UNKNOWN_ID`, so the answer is the one an id that
    does not exist gets — the same lookup runs for both, known or not."""
    real = resolve_id(ctx, entity_id)
    if real == UNKNOWN_ID or entity_id.startswith("anon:") or not MASKED_CATEGORIES.get(ctx.role.value, True):
        return real
    rows = await ctx.graph.read("api/entity", id=real)
    if rows:
        raw = rows[0]["entity"]
        p = await presenter(ctx)
        if is_masked(raw.get("kind"), ctx.role, raw.get("labels") or ()) or p.text(real) != real:
            return UNKNOWN_ID
    return real


def _page_info(limit: int, offset: int, fetched: int) -> t.PageInfo:
    return t.PageInfo(offset=offset, limit=limit, has_more=fetched > limit)


async def search(
    ctx: LanternContext, text: str, types: list[str] | None, limit: int | None, offset: int | None
):
    text = _text_arg("text", text)
    lim, off = page(limit, offset, ctx.settings)
    kinds, hidden = _kinds(types), hidden_kinds(ctx)
    p = await presenter(ctx)
    normalised = search_value(text, ctx.settings.default_phone_region)
    values = sorted({v for v in (normalised, text, text.lower()) if v})
    exact_q = ctx.graph.read(
        "api/search_exact",
        values=values,
        digits=phone_digits(text),
        kinds=kinds,
        exclude_kinds=hidden,
        limit=lim,
    )
    full_q = ctx.graph.read(
        "api/search_fulltext",
        q=lucene_query(text),
        kinds=kinds,
        exclude_kinds=hidden,
        offset=off,
        limit=lim + 1,
    )
    # both queries at once (exact matches only on the first page)
    exact_rows, rows = await asyncio.gather(exact_q, full_q) if off == 0 else ([], await full_q)
    if off != 0:
        exact_q.close()
    hits: list[tuple[dict[str, Any], float, str]] = [
        (r["entity"], float(r["score"]), "exact") for r in exact_rows
    ]
    fetched = len(rows)
    seen = {h[0]["id"] for h in hits}
    hits += [
        (r["entity"], float(r["score"]), "fulltext") for r in rows[:lim] if r["entity"]["id"] not in seen
    ]
    hits = hits[:lim]
    p.learn_nodes(h[0] for h in hits)
    out = [t.SearchHit(entity=p.entity(e), score=s, matched=m) for e, s, m in hits]
    p.flush()
    stored = [str(r["entity"]["value"]) for r in exact_rows if r["entity"].get("value")]  # E.164 = phones
    normalised = phone_from_matches(text, ctx.settings.default_phone_region, stored) or normalised
    note = _no_exact_note(text, normalised, len(out)) if not exact_rows and off == 0 else None
    return t.SearchResult(
        hits=out,
        page_info=_page_info(lim, off, fetched),
        normalised=p.text(normalised, "normalised", any_case=True),
        exact_match=bool(exact_rows),
        note=p.text(note, "note"),
    )


def _no_exact_note(text: str, normalised: str | None, similar: int) -> str | None:
    """'No exact match' when the text names an identifier (a phone, an e-mail) the graph does not hold."""
    if normalised is None and not phone_digits(text):
        return None
    shown = f"{normalised} (read from '{text}')" if normalised and normalised != text else f"'{text}'"
    rest = f"the {similar} hit(s) below only look similar." if similar else "nothing similar either."
    return f"No exact match: {shown} is not in the graph; {rest}"


async def entity(ctx: LanternContext, entity_id: str) -> t.Entity | None:
    real = await resolve_read_id(ctx, entity_id)
    rows = await ctx.graph.read("api/entity", id=real)
    if not rows:
        await require_entities(ctx, [(entity_id, real)])  # NOT_FOUND with "did you mean"
        return None
    p = await presenter(ctx)
    p.learn_nodes([rows[0]["entity"]])
    out = p.entity(rows[0]["entity"])
    if out.masked and not entity_id.startswith("anon:"):
        return None  # masked roles address personal entities only through the ids they were given
    p.flush()
    return out


async def entity_evidence(ctx: LanternContext, real_id: str, limit: int, offset: int) -> list[t.Mention]:
    lim, off = page(limit, offset, ctx.settings)
    rows = await ctx.graph.read("api/entity_mentions", id=real_id, offset=off, limit=lim)
    p = await presenter(ctx)
    await p.learn_documents(r["doc_id"] for r in rows)
    return [
        t.Mention(
            document_id=p.text(r["doc_id"], "id") or "",
            title=p.text(r.get("title"), "title"),
            published=r.get("published"),
            confidence=r.get("confidence"),
            spans=[p.evidence({**s, "doc_id": r["doc_id"]}) for s in r.get("spans") or []],
        )
        for r in rows
    ]


def _graph_rows(p: Presenter, nodes: list[dict[str, Any]], edges: list[dict[str, Any]], mentions: list[Any]):
    p.learn_nodes(nodes)
    p.learn_mentions(mentions)
    return [p.entity(n) for n in nodes], [p.edge(e) for e in edges]


async def neighbourhood(ctx, entity_id: str, depth: int, relation_types: list[Any] | None, limit: int | None):
    real = await resolve_read_id(ctx, entity_id)
    bounded("depth", depth, 1, MAX_DEPTH)
    lim, _ = page(limit, 0, ctx.settings, default=100)
    types = (
        [getattr(r, "value", r) for r in relation_types] if relation_types else t.DEFAULT_NEIGHBOURHOOD_TYPES
    )
    rows = await ctx.graph.read(
        "api/neighbourhood",
        id=real,
        depth=depth,
        rel_filter="|".join(types),
        limit=lim,
        ev_limit=EVIDENCE_PER_EDGE,
    )
    if not rows:
        await require_entities(ctx, [(entity_id, real)])
        raise api_error("NOT_FOUND", NOT_FOUND_MESSAGE)
    p = await presenter(ctx)
    nodes, edges = _graph_rows(p, rows[0]["nodes"], rows[0]["edges"], rows[0]["mentions"])
    p.flush()
    return t.Graph(nodes=nodes, edges=edges, truncated=len(nodes) >= lim)


async def paths(
    ctx, source: str, target: str, max_hops: int, limit: int | None, include_candidates: bool = False
) -> list[t.Path]:
    a, b = await resolve_read_id(ctx, source), await resolve_read_id(ctx, target)
    bounded("maxHops", max_hops, 1, MAX_HOPS)
    lim, _ = page(limit, 0, ctx.settings, default=10)
    args = {"source": a, "target": b, "max_hops": max_hops, "ev_limit": EVIDENCE_PER_EDGE}
    rows = await ctx.graph.read("api/paths", limit=lim, include_candidates=include_candidates, **args)
    if not rows:
        await require_entities(ctx, [(source, a), (target, b)])
        via_candidates = not include_candidates and await ctx.graph.read(
            "api/paths", limit=1, include_candidates=True, **args
        )
        if via_candidates:
            raise api_error(
                "ONLY_CANDIDATE_LINKS",
                f"No path of recorded links within {max_hops} hops, but the two are connected through "
                "POSSIBLY_SAME_AS resolution candidates (entities that may be the same, not yet decided). "
                "Ask again with `includeCandidates: true` to see those paths; review the candidates with "
                "`lantern resolve review`.",
                includeCandidates=True,
            )
    p = await presenter(ctx)
    p.learn_nodes(n for r in rows for n in r["nodes"])
    p.learn_mentions(m for r in rows for m in r["mentions"])
    out = [
        t.Path(hops=r["hops"], nodes=[p.entity(n) for n in r["nodes"]], edges=[p.edge(e) for e in r["edges"]])
        for r in rows
    ]
    p.flush()
    return out


def _shared(p: Presenter, rows: list[dict[str, Any]]) -> list[t.SharedIdentifier]:
    p.learn_nodes([r["identifier"] for r in rows] + [u for r in rows for u in r["users"]])
    return [
        t.SharedIdentifier(
            identifier=p.entity(r["identifier"]),
            users=[p.entity(u) for u in r["users"]],
            document_ids=p.ids(r.get("doc_ids") or []),
        )
        for r in rows
    ]


async def group_id_of(ctx: LanternContext, prop: str, group_id: int | None, of: str | None) -> int:
    """The group id asked for: given, or the group of entity `of` (NOT_FOUND with hints when unknown)."""
    if (group_id is None) == (of is None):
        raise api_error("BAD_USER_INPUT", "Give either `id` (a networkId) or `of` (an entity id), not both.")
    if group_id is not None:
        return group_id
    assert of is not None
    real = await resolve_read_id(ctx, of)
    rows = await ctx.graph.read("api/entity", id=real)
    if not rows:
        await require_entities(ctx, [(of, real)])
    value = rows[0]["entity"].get(prop) if rows else None
    if value is None:
        raise api_error(
            "NOT_FOUND", f"'{of}' belongs to no {prop.removesuffix('_id')} yet: run `lantern analyze` first."
        )
    return int(value)


async def group(ctx, prop: str, group_id: int, limit: int | None, offset: int | None) -> t.Group | None:
    assert prop in ("network_id", "community_id")
    lim, off = page(limit, offset, ctx.settings, default=50)
    rows = await ctx.graph.read("api/group_members", prop=prop, group_id=group_id, offset=off, limit=lim)
    if not rows or rows[0]["size"] == 0:
        return None
    links = await ctx.graph.read("api/group_linking_identifiers", prop=prop, group_id=group_id, limit=lim)
    p = await presenter(ctx)
    p.learn_nodes(rows[0]["members"])
    members = [p.entity(m) for m in rows[0]["members"]]
    key = sorted(members, key=lambda e: -(e.pagerank or 0.0))[:5] if off == 0 else []
    out = t.Group(
        id=group_id,
        kind=prop.removesuffix("_id"),
        size=rows[0]["size"],
        members=members,
        key_players=key,
        linking_identifiers=_shared(p, links),
        page_info=t.PageInfo(offset=off, limit=lim, has_more=off + lim < rows[0]["size"]),
    )
    p.flush()
    return out


async def shared_identifiers(ctx, ids: list[str], limit: int | None) -> list[t.SharedIdentifier]:
    if len(ids) < 2:
        raise api_error("BAD_USER_INPUT", "Give at least two entity ids.")
    lim, _ = page(limit, 0, ctx.settings, default=50)
    real = [await resolve_read_id(ctx, i) for i in ids[: ctx.settings.max_page_size]]
    p = await presenter(ctx)
    rows = await ctx.graph.read("api/shared_identifiers", ids=real, limit=lim)
    if not rows:
        await require_entities(ctx, list(zip(ids, real, strict=False)))
    out = _shared(p, rows)
    p.flush()
    return out


async def audit_entries(ctx, key_name, since, entity_id, limit, offset) -> list[t.AuditEntry]:
    ctx.require(CAN_READ_AUDIT_LOG, "read the audit log")
    lim, off = page(limit, offset, ctx.settings, default=50)
    await asyncio.to_thread(ctx.app_state.audit.flush)  # earlier rows may still be queued: wait
    rows = audit_log.entries(ctx.store, key_name, since, entity_id, lim, off)
    return [
        t.AuditEntry(**{**r.as_dict(), "details": [json.dumps(d, sort_keys=True) for d in r.details]})
        for r in rows
    ]
