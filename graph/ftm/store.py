"""Write an import plan (graph/ftm/imports.py) to the graph in batches: documents, entities, links."""

from __future__ import annotations

from typing import Any

from graph.db import Runner
from graph.ftm.imports import ImportPlan, relation_rows
from ontology import load_ontology
from ontology.schema import typology_rows

BATCH = 500


def _batches(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]


def write_plan(db: Runner, plan: ImportPlan) -> dict[str, int]:
    """Idempotent (MERGE on ids, evidence items appended once); returns what the graph took. The
    typology individuals (roles, indicators) are merged first so role and indicator links have targets;
    a link whose end is still missing is counted as not written, never dropped silently."""
    db.write("schema/merge_typology", rows=typology_rows(load_ontology()))
    steps = (
        ("documents", "ftm/merge_documents", list(plan.documents.values())),
        ("entities", "ftm/merge_entities", list(plan.entities.values())),
        ("mentions", "ftm/merge_mentions", list(plan.mentions.values())),
        ("relationships", "ftm/merge_relations", relation_rows(plan)),
    )
    written: dict[str, int] = {}
    for key, name, rows in steps:
        written[key] = sum(
            int(r[0]["count"]) if r else 0 for r in (db.write(name, rows=b) for b in _batches(rows))
        )
        if written[key] < len(rows):
            plan.errors.append(f"{len(rows) - written[key]} {key} not written: an end is not in the graph")
    return written
