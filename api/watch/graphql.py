"""GraphQL for watchlists and alerts: `watch`, `unwatch`, `watches`, `alerts`, `triageAlerts` and the
subscription `alertRaised` (graphql-transport-ws over WebSocket; the key goes in the handshake's
`Authorization` header). Alerts follow the masking policy of the caller's role; values shown in clear,
every watch change and every triage change are audit-log rows."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from api.audit_log import Disclosures
from api.auth import Role
from api.graphql.resolvers import resolve_id
from api.limits import api_error, page
from api.watch import matcher
from api.watch.store import ALERT_STATUSES, WATCH_KINDS, Alert, Watch, WatchStore
from graph.privacy import anon_id, is_masked, mask_snippet
from graph.resolve_keys import identifier_key
from ontology.names import C

CAN_WATCH = frozenset({Role.ADMIN, Role.INVESTIGATOR, Role.ANALYST})
MAX_BULK = 200
POLL_S = 0.5


@strawberry.type(name="Watch", description="A watched entity, identifier or library query.")
class WatchType:
    id: int
    owner: str
    kind: str
    target: str = strawberry.field(description="Entity id (identifiers: normalised) or library query name.")
    params: JSON
    label: str | None
    created_at: str


@strawberry.type(description="A note on an alert.")
class AlertNote:
    at: str
    by: str
    text: str


@strawberry.type(name="Alert", description="New evidence that touched a watched item.")
class AlertType:
    id: int
    watch_id: int
    document_id: str | None
    document_title: str | None
    entity_id: str | None = strawberry.field(description="The watched entity (pseudonymous when masked).")
    snippet: str = strawberry.field(description="The evidence, masked by the caller's role.")
    status: str
    assignee: str | None
    notes: list[AlertNote]
    created_at: str
    updated_at: str


def _watches(info: Info) -> WatchStore:
    ctx = info.context
    ctx.require(CAN_WATCH, "use watchlists and alerts")
    ws = getattr(ctx.app_state, "watches", None)
    if ws is None:
        raise api_error("NOT_AVAILABLE", "Watchlists are not enabled in this API.")
    return ws


def _watch_out(w: Watch) -> WatchType:
    params = cast(JSON, w.params)
    return WatchType(id=w.id, owner=w.owner, kind=w.kind, target=w.target, params=params, label=w.label,
                     created_at=w.created_at)  # fmt: skip


def present_alert(a: Alert, role: Role, disclosures: Disclosures, store: Any) -> AlertType:
    entity_id, snippet = a.entity_id, a.snippet
    mentions = [(a.kind or "", a.surface or "", a.entity_id)] if a.surface else []
    if a.kind and entity_id and is_masked(a.kind, role):
        entity_id = anon_id(a.entity_id or "")
        store.execute(
            "INSERT OR IGNORE INTO pseudonyms (token, entity_id) VALUES (?, ?)", (entity_id, a.entity_id)
        )
    elif a.kind and a.entity_id and is_masked(a.kind, Role.AUDITOR):  # personal, shown in clear
        disclosures.add(a.entity_id, "alert")
    snippet = mask_snippet(snippet, role, mentions) or ""
    return AlertType(
        id=a.id, watch_id=a.watch_id, document_id=a.document_id, document_title=a.title, entity_id=entity_id,
        snippet=snippet, status=a.status, assignee=a.assignee,
        notes=[AlertNote(at=n["at"], by=n["by"], text=n["text"]) for n in a.notes],
        created_at=a.created_at, updated_at=a.updated_at,
    )  # fmt: skip


def _audit(info: Info, operation: str, changes: Disclosures) -> None:
    ctx = info.context
    if changes:
        ctx.app_state.audit.submit(ctx.principal.key_name, ctx.role.value, operation, changes)


@strawberry.type
class WatchQuery:
    @strawberry.field(description="Active watches: mine, or everyone's with `everyone: true`.")
    def watches(self, info: Info, everyone: bool = False) -> list[WatchType]:
        ws = _watches(info)
        return [_watch_out(w) for w in ws.watches(None if everyone else info.context.principal.key_name)]

    @strawberry.field(description="Alerts, oldest first: filter by status (new, triaged, escalated, closed).")
    def alerts(
        self,
        info: Info,
        status: list[str] | None = None,
        assignee: str | None = None,
        watch_id: int | None = None,
        limit: int | None = 20,
        offset: int | None = 0,
    ) -> list[AlertType]:
        ws, ctx = _watches(info), info.context
        bad = [s for s in status or [] if s not in ALERT_STATUSES]
        if bad:
            raise api_error(  # the values are not echoed: an error never repeats its input (errors policy)
                "BAD_USER_INPUT", f"Unknown status ({len(bad)} value(s)); use: {', '.join(ALERT_STATUSES)}."
            )
        lim, off = page(limit, offset, ctx.settings)
        rows = ws.alerts(status, assignee, watch_id, 0, lim, off)
        return [present_alert(a, ctx.role, ctx.disclosures, ctx.store) for a in rows]


def _target(info: Info, entity_id: str | None, identifier_kind: str | None, identifier_value: str | None,
            query: str | None) -> tuple[str, str]:  # fmt: skip
    given = [x for x in (entity_id, identifier_value, query) if x]
    if len(given) != 1:
        raise api_error(
            "BAD_USER_INPUT", "Watch exactly one of: entityId, identifierValue (+ identifierKind), query."
        )
    if entity_id:
        return "entity", resolve_id(info.context, entity_id)
    if identifier_value:
        kind = identifier_kind or C.Phone
        try:
            key = identifier_key(kind, identifier_value, info.context.settings.default_phone_region).key
        except ValueError as exc:
            raise api_error("BAD_USER_INPUT", f"Cannot normalise {kind} '{identifier_value}': {exc}") from exc
        return "identifier", key
    return "query", str(query)


@strawberry.type
class WatchMutation:
    @strawberry.mutation(
        description="Watch an entity (entityId), an identifier even if not yet in the graph (identifierKind "
        "+ identifierValue, normalised like ingest) or a library query with params."
    )
    async def watch(
        self,
        info: Info,
        entity_id: str | None = None,
        identifier_kind: str | None = None,
        identifier_value: str | None = None,
        query: str | None = None,
        params: JSON | None = None,
        label: str | None = None,
    ) -> WatchType:
        ws, ctx = _watches(info), info.context
        kind, target = _target(info, entity_id, identifier_kind, identifier_value, query)
        assert kind in WATCH_KINDS
        p: dict[str, Any] = dict(cast(dict[str, Any], params or {}))
        if kind == "query":
            from graph.library import LibraryParamError, get_library_query, resolve_params

            try:
                resolve_params(get_library_query(target), p)
            except (LibraryParamError, KeyError) as exc:
                raise api_error("BAD_USER_INPUT", f"Library query {target}: {exc}") from exc
        w = ws.add_watch(ctx.principal.key_name, kind, target, p, label)
        if kind == "query":
            await ctx.graph.run_blocking(lambda db: matcher.baseline(db, ws, w.id, target, p), "The baseline")
        _audit(info, "watch", Disclosures({target: {f"watch:{w.id}"}}))
        return _watch_out(w)

    @strawberry.mutation(description="Stop a watch (its alerts stay).")
    def unwatch(self, info: Info, id: int) -> bool:
        ws = _watches(info)
        w = ws.get_watch(id)
        if w is None:
            raise api_error("NOT_FOUND", f"No active watch {id}; list them with `watches`.")
        ws.remove_watch(id)
        _audit(info, "unwatch", Disclosures({w.target: {f"unwatch:{id}"}}))
        return True

    @strawberry.mutation(
        description="Bulk triage: set status (new, triaged, escalated, closed) and assignee, add a note."
    )
    def triage_alerts(
        self,
        info: Info,
        ids: list[int],
        status: str | None = None,
        assignee: str | None = None,
        note: str | None = None,
    ) -> list[AlertType]:
        ws, ctx = _watches(info), info.context
        if not ids or len(ids) > MAX_BULK:
            raise api_error("LIMIT_EXCEEDED", f"Send between 1 and {MAX_BULK} alert ids per call.")
        if status is not None and status not in ALERT_STATUSES:
            raise api_error("BAD_USER_INPUT", f"status must be one of: {', '.join(ALERT_STATUSES)}.")
        found = ws.get_alerts(ids)
        missing = sorted(set(ids) - set(found))
        if missing:
            raise api_error("NOT_FOUND", f"No alerts with ids {missing}; nothing was changed.")
        changes, out = Disclosures(), []
        for alert_id in dict.fromkeys(ids):
            before = found[alert_id]
            after = ws.update_alert(before, status, assignee, note, ctx.principal.key_name)
            if after.status != before.status:
                changes.add(f"alert:{alert_id}", f"status:{before.status}->{after.status}")
            if after.assignee != before.assignee:
                changes.add(f"alert:{alert_id}", f"assignee:{after.assignee}")
            if note:
                changes.add(f"alert:{alert_id}", "note")
            out.append(present_alert(after, ctx.role, ctx.disclosures, ctx.store))
        _audit(info, "triageAlerts", changes)
        return out


@strawberry.type
class WatchSubscription:
    @strawberry.subscription(description="Alerts as they are raised (optionally for one watch).")
    async def alert_raised(self, info: Info, watch_id: int | None = None) -> AsyncGenerator[AlertType, None]:
        ws, ctx = _watches(info), info.context
        rows = ws.store.execute("SELECT coalesce(max(id), 0) FROM alerts")
        cursor = int(rows[0][0])
        while True:
            for a in ws.alerts(None, None, watch_id, cursor, 100, 0):
                cursor = a.id
                disclosures = Disclosures()
                out = present_alert(a, ctx.role, disclosures, ctx.store)
                if disclosures:
                    ctx.app_state.audit.submit(
                        ctx.principal.key_name, ctx.role.value, "alertRaised", disclosures
                    )
                yield out
            await asyncio.sleep(POLL_S)
