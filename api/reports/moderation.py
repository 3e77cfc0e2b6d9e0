"""Moderation: accept reports (extract the text, ingest it as an `lt:SightingReport` document) or reject
them as spam. Only pending reports can be decided; a report that fails extraction or ingest stays
pending with the reason, so a moderator can retry it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from api.reports.queue import QueuedReport, ReportQueue
from extraction.models import ExtractionResult, SourceDocument
from graph.db import Database, FakeRunner
from ontology.names import C

DOC_TYPE = C.SightingReport
SOURCE = "sighting-report"


@dataclass(frozen=True)
class Decision:
    receipt: str
    status: str
    ok: bool
    document_id: str | None = None
    error: str | None = None


@lru_cache(maxsize=4)
def _extractor(region: str) -> Any:
    from extraction.pipeline import Extractor

    return Extractor(region=region)


def source_document(report: QueuedReport) -> SourceDocument:
    """The document a report becomes: the reporter's text, then the place named (extraction reads it)."""
    text = report.text if not report.place else f"{report.text}\n\nPlace: {report.place}."
    title = "Sighting report" + (f" ({report.category})" if report.category else "")
    return SourceDocument(
        id=report.doc_id,
        text=text,
        title=title,
        published=report.observed_at[:10],
        source=SOURCE,
        doc_type=DOC_TYPE,
    )


def _pending(queue: ReportQueue, receipts: list[str]) -> tuple[list[QueuedReport], list[Decision]]:
    found = queue.get(receipts)
    ok, refused = [], []
    for receipt in dict.fromkeys(receipts):
        report = found.get(receipt)
        if report is None:
            refused.append(Decision(receipt, "unknown", False, error="no report with this receipt"))
        elif report.status != "pending":
            refused.append(Decision(receipt, report.status, False, error=f"already {report.status}"))
        else:
            ok.append(report)
    return ok, refused


def reject(queue: ReportQueue, receipts: list[str], by: str) -> list[Decision]:
    todo, out = _pending(queue, receipts)
    for report in todo:
        queue.decide(report.receipt, "rejected", by, error="spam")
        out.append(Decision(report.receipt, "rejected", True))
    return out


def accept(
    db: Database | FakeRunner,
    queue: ReportQueue,
    receipts: list[str],
    by: str,
    region: str,
    on_ingested: Callable[[list[ExtractionResult]], None] | None = None,
) -> list[Decision]:
    """Extract and ingest each pending report; `on_ingested` gets the results written (alerts hook)."""
    from graph.ingest import ingest_results

    todo, out = _pending(queue, receipts)
    results: dict[str, tuple[QueuedReport, ExtractionResult]] = {}
    for report in todo:
        try:
            results[report.receipt] = (report, _extractor(region).extract(source_document(report)))
        except Exception as exc:  # one bad report never stops the others
            queue.decide(report.receipt, "pending", by, error=f"extraction failed: {exc}")
            out.append(Decision(report.receipt, "pending", False, error=f"extraction failed: {exc}"))
    if not results:
        return out
    summary = ingest_results(db, [r for _, r in results.values()], quiet_gc=False)
    failed = {f.id: f.reason for f in summary.failed}
    written = []
    for receipt, (report, result) in results.items():
        if report.doc_id in failed:
            reason = f"ingest failed: {failed[report.doc_id]}"
            queue.decide(receipt, "pending", by, error=reason)
            out.append(Decision(receipt, "pending", False, error=reason))
            continue
        written.append((report, result))
    rows = [
        {
            "id": r.doc_id,
            "cell_lat": r.cell_lat,
            "cell_lon": r.cell_lon,
            "place": r.place,
            "category": r.category,
            "observed_at": r.observed_at,
        }
        for r, _ in written
    ]
    if rows:
        db.write("reports/set_report_details", rows=rows)
    for report, _ in written:
        queue.decide(report.receipt, "accepted", by, document_id=report.doc_id)
        out.append(Decision(report.receipt, "accepted", True, document_id=report.doc_id))
    if on_ingested and written:
        on_ingested([res for _, res in written])
    return out
