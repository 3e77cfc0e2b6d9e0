"""Write the audit report as JSON, CSV (one row per supplier, then one per bad input row) or HTML."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from graph.audit.model import AuditReport
from graph.audit.render_html import render_html

FORMATS = ("html", "csv", "json")
CSV_COLUMNS = [
    "rank",
    "supplier_id",
    "row",
    "name",
    "country",
    "status",
    "risk",
    "matched_business",
    "match_score",
    "match_explanation",
    "exposure_path",
    "exposure_reasons",
    "evidence_doc_ids",
    "paths",
    "notes",
]


def render_json(report: AuditReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str)


def render_csv(report: AuditReport) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    w.writeheader()
    for r in report.results:
        best = r.matches[0] if r.matches else None
        top = r.paths[0] if r.paths else None
        docs = sorted(
            {d for h in (top.hops if top else []) for d in h.doc_ids} | set(top.doc_ids if top else [])
        )
        w.writerow(
            {
                "rank": r.rank,
                "supplier_id": r.supplier_id,
                "row": r.row,
                "name": r.name,
                "country": r.country,
                "status": r.status,
                "risk": f"{r.risk:.3f}",
                "matched_business": best.business_name if best else "",
                "match_score": f"{best.score:.3f}" if best else "",
                "match_explanation": best.explanation if best else "",
                "exposure_path": top.summary if top else "",
                "exposure_reasons": "; ".join(top.reasons) if top else "",
                "evidence_doc_ids": " ".join(docs),
                "paths": len(r.paths),
                "notes": "; ".join(r.notes),
            }
        )
    for e in report.errors:
        w.writerow(
            {"supplier_id": e["supplier_id"], "row": e["row"], "status": "error", "notes": e["reason"]}
        )
    return buf.getvalue()


def write_report(report: AuditReport, out: Path) -> Path:
    """Write in the format given by the file extension (.html, .csv, .json)."""
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"Unknown report format '{out.suffix}' for {out}: use .html, .csv or .json")
    text = {"html": render_html, "csv": render_csv, "json": render_json}[fmt](report)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out
