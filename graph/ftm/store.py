"""Write an import plan (graph/ftm/imports.py) to the graph in batches: documents, entities, links."""

from __future__ import annotations

from typing import Any

from graph.db import Runner
from graph.ftm.imports import ImportPlan, relation_rows

BATCH = 500


def _batches(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]


def write_plan(db: Runner, plan: ImportPlan) -> dict[str, int]:
    """Idempotent: MERGE on ids, evidence replaced; returns what was written."""
    steps = (
        ("ftm/merge_documents", list(plan.documents.values())),
        ("ftm/merge_entities", list(plan.entities.values())),
        ("ftm/merge_mentions", list(plan.mentions.values())),
        ("ftm/merge_relations", relation_rows(plan)),
    )
    for name, rows in steps:
        for batch in _batches(rows):
            db.write(name, rows=batch)
    return plan.counts()
