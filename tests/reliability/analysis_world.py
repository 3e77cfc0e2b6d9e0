"""A graph for the analytics reliability tests: the ingest fixtures' generated world (shared phones, emails,
businesses and namesakes), large enough that a run's projection lives for a moment."""

from __future__ import annotations

from typing import Any

from api.config import Settings
from graph.db import Database
from graph.ingest import ingest_results
from ontology.schema import apply_schema
from tests.fixtures.ingest_world import generated_world, sample_world
from tests.integration.cli import lantern

N_DOCS = 1500


def build(db: Database, n: int = N_DOCS) -> None:
    apply_schema(db)
    summary = ingest_results(db, sample_world() + generated_world(n))
    assert summary.failed == []


def analyze(settings: Settings, *args: str) -> None:
    run = lantern(settings, "analyze", *args)
    assert run.returncode == 0, run.stderr + run.stdout


def assignments(db: Database) -> dict[str, tuple[Any, Any]]:
    """entity id -> (network id, community id) as the last run wrote them."""
    return {m["id"]: (m["network_id"], m["community_id"]) for m in db.read("analysis/network_members")}
