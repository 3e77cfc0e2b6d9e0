"""GraphQL for moderators: `sightingReports(status, limit, offset)`, `acceptReports`, `rejectReports`.

Report text is shown through the masking policy (`graph.privacy.mask_snippet`: phone- and email-shaped
strings are masked for the roles that mask them); text shown in clear and every decision is a row in
the audit log.
"""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.audit_log import Disclosures
from api.auth import Role
from api.limits import api_error, page
from api.reports.moderation import Decision, accept, reject
from api.reports.queue import STATUSES, QueuedReport
from api.reports.service import ReportService
from graph.privacy import category_masked, mask_snippet

CAN_MODERATE = frozenset({Role.ADMIN, Role.INVESTIGATOR, Role.ANALYST})
MAX_DECISIONS = 200


@strawberry.type(description="An anonymous sighting report in the moderation queue.")
class SightingReport:
    receipt: str
    status: str
    received_day: str
    observed_at: str
    text: str = strawberry.field(description="Masked by the caller's role (phones, e-mail addresses).")
    place: str | None
    cell_lat: float | None = strawberry.field(description="Centre of the coarse cell, never a position.")
    cell_lon: float | None
    category: str | None
    decided_by: str | None
    decided_at: str | None
    document_id: str | None
    error: str | None


@strawberry.type(description="The outcome of a moderation decision for one receipt.")
class ModerationResult:
    receipt: str
    status: str
    ok: bool
    document_id: str | None
    error: str | None


def _service(info: Info) -> ReportService:
    service = getattr(info.context.app_state, "reports", None)
    if service is None:
        raise api_error("NOT_AVAILABLE", "Sighting reports are not enabled in this API.")
    return service


def _present(report: QueuedReport, role: Role, disclosures: Disclosures) -> SightingReport:
    text = mask_snippet(report.text, role) or ""
    if not (category_masked("phone", role) and category_masked("email", role)):
        disclosures.add(report.doc_id, "report_text")
    return SightingReport(
        receipt=report.receipt,
        status=report.status,
        received_day=report.received_day,
        observed_at=report.observed_at,
        text=text,
        place=report.place,
        cell_lat=report.cell_lat,
        cell_lon=report.cell_lon,
        category=report.category,
        decided_by=report.decided_by,
        decided_at=report.decided_at,
        document_id=report.document_id,
        error=report.error,
    )


def _result(d: Decision) -> ModerationResult:
    return ModerationResult(
        receipt=d.receipt, status=d.status, ok=d.ok, document_id=d.document_id, error=d.error
    )


def _audit(info: Info, operation: str, decisions: list[Decision]) -> None:
    ctx = info.context
    done = Disclosures()
    for d in decisions:
        if d.ok:
            done.add(f"report:{d.receipt}", f"moderation:{d.status}")
    if done:
        ctx.app_state.audit.submit(ctx.principal.key_name, ctx.role.value, operation, done)


def _receipts(receipts: list[str]) -> list[str]:
    if not receipts or len(receipts) > MAX_DECISIONS:
        raise api_error("LIMIT_EXCEEDED", f"Send between 1 and {MAX_DECISIONS} receipts per call.")
    return receipts


@strawberry.type
class ReportsQuery:
    @strawberry.field(
        description="Moderators (admin, investigator, analyst): sighting reports by status, oldest first."
    )
    def sighting_reports(
        self, info: Info, status: str | None = "pending", limit: int | None = 20, offset: int | None = 0
    ) -> list[SightingReport]:
        ctx = info.context
        ctx.require(CAN_MODERATE, "read sighting reports")
        if status is not None and status not in STATUSES:
            raise api_error(
                "BAD_USER_INPUT", f"status must be one of: {', '.join(STATUSES)} (or null for all)."
            )
        lim, off = page(limit, offset, ctx.settings)
        rows = _service(info).queue.page(status, lim, off)
        return [_present(r, ctx.role, ctx.disclosures) for r in rows]


@strawberry.type
class ReportsMutation:
    @strawberry.mutation(
        description="Accept pending reports: the text is extracted and ingested as SightingReport documents."
    )
    async def accept_reports(self, info: Info, receipts: list[str]) -> list[ModerationResult]:
        ctx = info.context
        ctx.require(CAN_MODERATE, "moderate sighting reports")
        service = _service(info)
        hook = getattr(ctx.app_state, "on_ingested", None)
        chosen, key, region = _receipts(receipts), ctx.principal.key_name, ctx.settings.default_phone_region
        decisions = await ctx.graph.run_blocking(
            lambda db: accept(db, service.queue, chosen, key, region, hook), "Accepting the reports"
        )
        _audit(info, "acceptReports", decisions)
        return [_result(d) for d in decisions]

    @strawberry.mutation(description="Reject pending reports as spam (they never reach the graph).")
    def reject_reports(self, info: Info, receipts: list[str]) -> list[ModerationResult]:
        ctx = info.context
        ctx.require(CAN_MODERATE, "moderate sighting reports")
        decisions = reject(_service(info).queue, _receipts(receipts), ctx.principal.key_name)
        _audit(info, "rejectReports", decisions)
        return [_result(d) for d in decisions]
