"""A Key Judgement Report read from the graph (CLI `lantern report --graph`, GraphQL `keyJudgementReport`).

Three reads: the dated documents with their mentions and communities (`kjr/documents`), the movement
facts (`analysis/route_facts`) and the latest analytics run (`api/analysis_runs`). The rows are turned
into the extraction contract the report reads, so a report from the graph and one from
`lantern extract` output are built by the same code. The provenance records the analytics run and a
digest of the rows read, so the same graph state regenerates the same report.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from graph.report.build import Request, build_report

DOCUMENTS = "kjr/documents"
MOVEMENTS = "analysis/route_facts"
RUNS = "api/analysis_runs"
HISTORY_YEARS = 8  # documents older than this before `to` do not feed the forecast
MAX_DOCUMENTS = 100_000  # most recent documents read (bounds memory and time on a large graph)


def document_params(req: Request) -> dict[str, Any]:
    return {
        "since": date(req.end.year - HISTORY_YEARS, 1, 1).isoformat(),
        "until": req.end.isoformat(),
        "limit": MAX_DOCUMENTS,
    }


def _kind(ent: dict[str, Any]) -> str:
    labels = [str(x) for x in ent.get("labels") or []]
    return str(ent.get("kind") or (labels[-1] if labels else ""))


def as_extracted(records: list[dict[str, Any]]) -> list[dict[str, object]]:
    """`kjr/documents` rows -> extraction-contract lines (one entity per mention span)."""
    rows: list[dict[str, object]] = []
    for r in records:
        ents: list[dict[str, object]] = []
        for e in r["entities"]:
            spans = list(zip(e.get("starts") or [], e.get("ends") or [], strict=False)) or [(None, None)]
            for start, end in spans:
                ent: dict[str, object] = {"id": e["id"], "type": _kind(e), "value": e["value"],
                                          "community_id": e.get("community_id"),
                                          "country_code": e.get("country_code")}  # fmt: skip
                if start is not None and end is not None:
                    ent |= {"start": int(start), "end": int(end)}
                ents.append(ent)
        rows.append({
            "id": r["id"], "published": r["published"], "title": r.get("title") or "", "text": r["text"],
            "entities": ents, "relations": [],
            "classification": {"trafficking_types": list(r["trafficking_types"]),
                               "indicators": [{"type": i} for i in r["indicators"]]},
        })  # fmt: skip
    return rows


def digest(records: list[dict[str, Any]], facts: list[dict[str, Any]]) -> str:
    """sha256 of the rows the report was built from (same graph state -> same digest)."""
    h = hashlib.sha256()
    for row in [*records, *facts]:
        h.update(json.dumps(row, sort_keys=True, default=str).encode())
    return h.hexdigest()


def from_rows(
    records: list[dict[str, Any]], facts: list[dict[str, Any]], runs: list[dict[str, Any]], req: Request
) -> dict[str, object]:
    """The report from the three reads' rows (pure: the API reads asynchronously, the CLI directly)."""
    run = runs[0]["run"] if runs else None
    graph: dict[str, object] = {
        "analysis_run": None if run is None else str(run.get("id")),
        "analysis_started_at": None if run is None else str(run.get("started_at")),
        "documents_read": len(records),
        "movement_facts": len(facts),
        "data_sha256": digest(records, facts),
    }
    return build_report(as_extracted(records), req, movements=facts, graph=graph)


def from_graph(read: Callable[..., list[dict[str, Any]]], req: Request) -> dict[str, object]:
    """The report from a database's `read(name, **params)` (graph.db.Database.read)."""
    return from_rows(
        read(DOCUMENTS, **document_params(req)), read(MOVEMENTS), read(RUNS, offset=0, limit=1), req
    )
