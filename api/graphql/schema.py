"""The Strawberry schema: Query and Mutation roots, limits and the audit-log extension."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension
from strawberry.tools import merge_types
from strawberry.types import Info

from api.config import Settings, get_settings
from api.errors import LanternSchema
from api.graphql import mutations as m
from api.graphql import resolvers as r
from api.graphql import resolvers_overview as o
from api.graphql import types as t
from api.limits import api_error
from api.limits import extensions as limit_extensions
from graph.privacy import MASKED_CATEGORIES, field_allowed


def operation_label(document: DocumentNode | None, operation_name: str | None) -> str:
    """What an audit row says was run, derived from the parsed document, never from client names:
    the executed operation's type and every top-level field it selects (fragments expanded, aliases
    resolved to field names), e.g. `query neighbourhood,search`. The client's operation name is kept
    only as a quoted label after it. A document whose operation cannot be picked (several without
    `operationName`: refused by execution) is logged with all its operations' fields."""
    if document is None:
        return "?"
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    chosen = [o for o in ops if operation_name is None or (o.name and o.name.value == operation_name)]
    if operation_name is None and len(ops) > 1:
        chosen = ops  # execution refuses it; still log everything it asked for
    parts = []
    for op in chosen:
        fields = sorted(_top_fields(op.selection_set, fragments, set()))
        parts.append(f"{op.operation.value} {','.join(fields) or '?'}")
    label = "; ".join(parts) or "?"
    return f'{label} (named "{operation_name}")' if operation_name else label


def _top_fields(
    selection_set: SelectionSetNode | None, fragments: dict[str, FragmentDefinitionNode], seen: set[str]
) -> set[str]:
    out: set[str] = set()
    for sel in selection_set.selections if selection_set else ():
        if isinstance(sel, FieldNode):
            out.add(sel.name.value)
        elif isinstance(sel, InlineFragmentNode):
            out |= _top_fields(sel.selection_set, fragments, seen)
        elif isinstance(sel, FragmentSpreadNode) and sel.name.value not in seen:
            seen.add(sel.name.value)
            fragment = fragments.get(sel.name.value)
            out |= _top_fields(fragment.selection_set if fragment else None, fragments, seen)
    return out


def record_disclosures(ctx: Any, document: DocumentNode | None, operation_name: str | None) -> None:
    """One append-only audit row for an operation that handed out personal data in clear."""
    disclosures = getattr(ctx, "disclosures", None)
    if not disclosures:
        return
    operation = operation_label(document, operation_name)
    ctx.app_state.audit.submit(ctx.principal.key_name, ctx.role.value, operation, disclosures)


class SingleOperationExtension(SchemaExtension):
    """A document with several operations runs only with `operationName` (never "the first one"):
    what runs, and what the audit log names, is then never a guess."""

    def on_execute(self) -> Iterator[None]:
        ec = self.execution_context
        document = ec.graphql_document
        ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)] if document else []
        if len(ops) > 1 and getattr(ec, "_provided_operation_name", None) is None:
            message = "This document has several operations: say which one to run with `operationName`."
            ec.result = ExecutionResult(data=None, errors=[api_error("BAD_USER_INPUT", message)])
        yield


def root_fields(document: DocumentNode, operation_name: str | None) -> set[str]:
    """Every top-level field the operation(s) of `document` select (fragments expanded; all operations when
    none is named, as execution refuses an unnamed pick among several)."""
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    chosen = [o for o in ops if operation_name is None or (o.name and o.name.value == operation_name)] or ops
    return set().union(*(_top_fields(o.selection_set, fragments, set()) for o in chosen)) if chosen else set()


def scope_refusal(role: object, fields: set[str]) -> GraphQLError | None:
    """FORBIDDEN when the role may not run one of these root fields at all (graph/privacy.py ROLE_SCOPES)."""
    refused = sorted(f for f in fields if not field_allowed(role, f))
    if not refused:
        return None
    name = str(getattr(role, "value", role))
    return api_error(
        "FORBIDDEN",
        f"A {name} key may not run {', '.join(refused)}: it sees nothing of the graph and may only run "
        "`screen` (or POST /api/screen, POST /api/screen/psi). See docs/guide/screening.md.",
        httpStatus=403,
    )


class RoleScopeExtension(SchemaExtension):
    """Refuses, before anything executes, a root field outside the caller's role scope (a partner key:
    everything but `screen`). The request guard answers the same over HTTP with a 403; this extension
    holds for every other way in (WebSocket subscriptions, the router without the guard)."""

    def on_execute(self) -> Iterator[None]:
        ec = self.execution_context
        principal = getattr(ec.context, "principal", None)
        if principal is not None and ec.graphql_document is not None and ec.result is None:
            refusal = scope_refusal(principal.role, root_fields(ec.graphql_document, ec.operation_name))
            if refusal is not None:
                ec.result = ExecutionResult(data=None, errors=[refusal])
        yield


class AuditExtension(SchemaExtension):
    """After each operation: one append-only audit row if personal data left the API in clear."""

    def on_operation(self) -> Iterator[None]:
        yield
        ec = self.execution_context
        record_disclosures(ec.context, ec.graphql_document, ec.operation_name)


@strawberry.type
class Query:
    @strawberry.field(description="Who am I: key name, role and the personal-data categories masked for me.")
    def me(self, info: Info) -> t.Me:
        c = info.context
        return t.Me(
            key_name=c.principal.key_name,
            role=c.role.value,
            masked_categories=sorted(MASKED_CATEGORIES[c.role.value]),
        )

    @strawberry.field(
        description="Full-text search over names and identifier values; any phone format finds E.164."
    )
    async def search(
        self,
        info: Info,
        text: str,
        types: list[str] | None = None,
        limit: int | None = 20,
        offset: int | None = 0,
    ) -> t.SearchResult:
        return await r.search(info.context, text, types, limit, offset)

    @strawberry.field(
        description="One entity: properties, network/community, risk and reasons, evidence (paged)."
    )
    async def entity(self, info: Info, id: str) -> t.Entity | None:
        return await r.entity(info.context, id)

    @strawberry.field(
        description="Nodes and edges up to `depth` (≤ 3) hops around an entity, for a link chart."
    )
    async def neighbourhood(
        self,
        info: Info,
        id: str,
        depth: int = 1,
        relation_types: list[t.RelationType] | None = None,
        limit: int | None = 100,
    ) -> t.Graph:
        return await r.neighbourhood(info.context, id, depth, relation_types, limit)

    @strawberry.field(
        description=(
            "Shortest paths between two entities (maxHops ≤ 6) with the evidence of each hop. Resolution "
            "candidates (POSSIBLY_SAME_AS) are crossed only with includeCandidates: true; when only they "
            "connect the two, the answer is an ONLY_CANDIDATE_LINKS error saying so."
        )
    )
    async def paths(
        self,
        info: Info,
        source: str,
        target: str,
        max_hops: int = 4,
        limit: int | None = 10,
        include_candidates: bool = False,
    ) -> list[t.Path]:
        return await r.paths(info.context, source, target, max_hops, limit, include_candidates)

    @strawberry.field(
        description=(
            "A network (connected component): members, key players, linking identifiers. Give its `id` "
            "(an entity's networkId) or `of`: an entity id, for the network that entity belongs to."
        )
    )
    async def network(
        self,
        info: Info,
        id: int | None = None,
        of: str | None = None,
        limit: int | None = 50,
        offset: int | None = 0,
    ) -> t.Group | None:
        group_id = await r.group_id_of(info.context, "network_id", id, of)
        return await r.group(info.context, "network_id", group_id, limit, offset)

    @strawberry.field(description="A community (Louvain/Leiden): members, key players, linking identifiers.")
    async def community(
        self, info: Info, id: int, limit: int | None = 50, offset: int | None = 0
    ) -> t.Group | None:
        return await r.group(info.context, "community_id", id, limit, offset)

    @strawberry.field(description="Identifiers and addresses shared by at least two of the given entities.")
    async def shared_identifiers(
        self, info: Info, ids: list[str], limit: int | None = 50
    ) -> list[t.SharedIdentifier]:
        return await r.shared_identifiers(info.context, ids, limit)

    @strawberry.field(
        description=(
            "For auditors: paths from a business to trafficking-linked entities and incidents, by the same "
            "definition as `lantern audit` (minRisk: also count risk scores at or above it; off by default)."
        )
    )
    async def business_exposure(
        self,
        info: Info,
        name: str | None = None,
        id: str | None = None,
        max_hops: int = 3,
        min_risk: float | None = None,
        limit: int | None = 25,
    ) -> t.BusinessExposure | None:
        return await o.business_exposure(info.context, name, id, max_hops, min_risk, limit)

    @strawberry.field(
        description="Places ranked by trafficking events (exploitation, recruitment, transport)."
    )
    async def hotspots(
        self, info: Info, kinds: list[str] | None = None, limit: int | None = 20, offset: int | None = 0
    ) -> list[t.Hotspot]:
        return await o.hotspots(info.context, kinds, limit, offset)

    @strawberry.field(description="Movement flows origin → destination (counts of transported persons).")
    async def routes(self, info: Info, limit: int | None = 20, offset: int | None = 0) -> list[t.Route]:
        return await o.routes(info.context, limit, offset)

    @strawberry.field(
        description="Movements that make no route, with the reason "
        "(e.g. 'movement mentioned without an origin')."
    )
    async def route_gaps(
        self, info: Info, limit: int | None = 20, offset: int | None = 0
    ) -> list[t.RouteGap]:
        return await o.route_gaps(info.context, limit, offset)

    @strawberry.field(description="Documents, newest first, filtered by kind and title text.")
    async def documents(
        self,
        info: Info,
        kind: str | None = None,
        text: str | None = None,
        limit: int | None = 20,
        offset: int | None = 0,
    ) -> t.DocumentPage:
        return await o.documents(info.context, kind, text, limit, offset)

    @strawberry.field(description="Analytics runs, newest first.")
    async def analysis_runs(
        self, info: Info, limit: int | None = 20, offset: int | None = 0
    ) -> list[t.AnalysisRun]:
        return await o.analysis_runs(info.context, limit, offset)

    @strawberry.field(description="Admins only: who saw which personal data in clear, newest first.")
    async def audit_log(
        self,
        info: Info,
        key_name: str | None = None,
        since: str | None = None,
        entity_id: str | None = None,
        limit: int | None = 50,
        offset: int | None = 0,
    ) -> list[t.AuditEntry]:
        return await r.audit_entries(info.context, key_name, since, entity_id, limit, offset)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Extract and ingest documents (investigator, admin); per-document results."
    )
    async def ingest_documents(self, info: Info, documents: list[t.DocumentInput]) -> t.IngestReport:
        return await m.ingest_documents(info.context, documents)

    @strawberry.mutation(description="Merge entities into the first id (investigator, admin); reversible.")
    async def merge_entities(self, info: Info, ids: list[str], reason: str) -> t.ResolutionResult:
        return await m.merge_entities(info.context, ids, reason)

    @strawberry.mutation(description="Undo a merge by its mergeId (investigator, admin).")
    async def split_entity(self, info: Info, merge_id: str) -> t.ResolutionResult:
        return await m.split_entity(info.context, merge_id)

    @strawberry.mutation(
        description="Run graph analytics (investigator, admin, analyst); `only` picks steps."
    )
    async def run_analysis(self, info: Info, only: list[str] | None = None) -> t.AnalysisRun:
        return await m.run_analysis(info.context, only)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    from api.feeds.graphql import FeedsQuery
    from api.graphql.kjr import KeyJudgementQuery
    from api.reports.graphql import ReportsMutation, ReportsQuery
    from api.screening.graphql import ScreeningQuery
    from api.timeline.graphql import TimelineQuery
    from api.watch.graphql import WatchMutation, WatchQuery, WatchSubscription

    s = settings or get_settings()
    return LanternSchema(
        query=merge_types(
            "Query",
            (Query, ReportsQuery, WatchQuery, FeedsQuery, TimelineQuery, ScreeningQuery, KeyJudgementQuery),
        ),
        mutation=merge_types("Mutation", (Mutation, ReportsMutation, WatchMutation)),
        subscription=WatchSubscription,
        extensions=[*limit_extensions(s), SingleOperationExtension, RoleScopeExtension, AuditExtension],
    )
