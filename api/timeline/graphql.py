"""`timeline(entityId, from, to, limit)`: one list of dated events, oldest first.

Events: `document` (any Document subclass), `report` (an accepted SightingReport) and `alert` (an alert on
a watch of the entity or a neighbour). Entity ids follow the masking policy (pseudonymous `anon:` ids).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.graphql.present import presenter
from api.graphql.resolvers import resolve_read_id
from api.limits import api_error, bounded
from graph.privacy import anon_id, is_masked, mask_snippet
from ontology.names import C

NEIGHBOURS = 50
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@strawberry.type(description="One dated event on an entity's timeline.")
class TimelineEvent:
    date: str
    kind: str = strawberry.field(description="document | report | alert")
    id: str
    title: str | None
    document_kind: str | None
    entity_ids: list[str] = strawberry.field(description="The entity and/or neighbours it concerns.")


def _day(name: str, value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise api_error("BAD_USER_INPUT", f"{name} must be a date YYYY-MM-DD.")  # the value is not echoed
    return value


def _shown(ctx: Any, entity_id: str, kind: str | None) -> str:
    if kind and is_masked(kind, ctx.role):
        token = anon_id(entity_id)
        ctx.store.execute(
            "INSERT OR IGNORE INTO pseudonyms (token, entity_id) VALUES (?, ?)", (token, entity_id)
        )
        return token
    if kind and is_masked(kind, "auditor"):  # personal data shown in clear: a disclosure, audited
        ctx.disclosures.add(entity_id, "id")
    return entity_id


@strawberry.type
class TimelineQuery:
    @strawberry.field(
        description="Dated documents, sighting reports and alerts of an entity and its neighbours."
    )
    async def timeline(
        self,
        info: Info,
        entity_id: str,
        from_: Annotated[str | None, strawberry.argument(name="from")] = None,
        to: str | None = None,
        limit: int = 200,
    ) -> list[TimelineEvent]:
        ctx = info.context
        real = await resolve_read_id(ctx, entity_id)  # a masked role's raw personal id: like an unknown one
        p = await presenter(ctx)
        lim = bounded("limit", limit, 1, ctx.settings.max_page_size)
        start, end = _day("from", from_), _day("to", to)
        rows = await ctx.graph.read(
            "timeline/entity_timeline",
            id=real,
            neighbours=NEIGHBOURS,
            limit=lim,
            **{"from": start, "to": end},
        )
        events: list[TimelineEvent] = []
        ids: dict[str, str | None] = {}
        for r in rows:
            for ent in r["entities"]:
                ids[ent["id"]] = ent["kind"]
            events.append(
                TimelineEvent(
                    date=r["date"],
                    kind="report" if C.SightingReport in r["labels"] else "document",
                    id=r["doc_id"],
                    title=p.text(r["title"], "title"),
                    document_kind=r["kind"],
                    entity_ids=[_shown(ctx, e["id"], e["kind"]) for e in r["entities"]],
                )
            )
        ids.setdefault(real, None)
        events += _alerts(ctx, ids, start, end)
        events.sort(key=lambda e: (e.date, e.kind, e.id))
        return events[:lim]


def _alerts(ctx: Any, ids: dict[str, str | None], start: str | None, end: str | None) -> list[TimelineEvent]:
    if getattr(ctx.app_state, "watches", None) is None or not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = ctx.store.execute(
        f"SELECT id, entity_id, kind, snippet, created_at FROM alerts WHERE entity_id IN ({marks})",
        tuple(ids),
    )
    out = []
    for r in rows:
        day = str(r["created_at"])[:10]
        if (start and day < start) or (end and day > end):
            continue
        title = mask_snippet(str(r["snippet"])[:120], ctx.role)
        shown = [_shown(ctx, r["entity_id"], r["kind"])]
        event_id = f"alert:{r['id']}"
        out.append(
            TimelineEvent(
                date=day, kind="alert", id=event_id, title=title, document_kind=None, entity_ids=shown
            )
        )
    return out
