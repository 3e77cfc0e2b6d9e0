"""`schema apply` on a real Neo4j: constraints and indexes exist; twice = no error, no change."""

from __future__ import annotations

import re

import pytest
from neo4j.exceptions import ConstraintError

from api.config import Settings
from graph.db import Database
from ontology import load_ontology
from ontology.schema import apply_schema, outdated_fulltext, schema_text, typology_rows
from tests.integration.cli import lantern


def _drop_schema(db: Database) -> None:
    """Drop only what the ontology derives (other suites' indexes stay)."""
    ours = set(re.findall(r"CREATE (?:CONSTRAINT|INDEX|FULLTEXT INDEX) (\w+)", schema_text()))
    for row in db.read("schema/show_constraints"):
        if row["name"] in ours:
            db.write("schema/drop_constraint", constraint_name=row["name"])
    for row in db.read("schema/show_indexes"):
        if row["name"] in ours:
            db.write("schema/drop_index", index_name=row["name"])


def test_apply_creates_constraints_indexes_and_typology_then_is_idempotent(db: Database) -> None:
    _drop_schema(db)
    first = apply_schema(db)
    assert set(first.constraints_created) >= {
        "entity_id_unique", "document_id_unique", "trafficking_type_id_unique", "indicator_id_unique",
        "role_id_unique", "analysis_run_id_unique", "incident_id_unique",
    }  # fmt: skip
    assert set(first.indexes_created) >= {
        "entity_name",
        "entity_value",
        "entity_network_id",
        "entity_community_id",
        "entity_search",
    }
    ont = load_ontology()
    expected_nodes = sum(len(ont.individuals(c)) for c in ("TraffickingType", "Indicator", "Role"))
    assert first.typology_nodes_created == expected_nodes

    constraints = {r["name"]: r for r in db.read("schema/show_constraints")}
    assert constraints["entity_id_unique"]["labels"] == ["Entity"] and constraints["entity_id_unique"][
        "properties"
    ] == ["id"]
    indexes = {r["name"]: r for r in db.read("schema/show_indexes")}
    assert indexes["entity_search"]["type"] == "FULLTEXT" and indexes["entity_search"]["state"] == "ONLINE"

    second = apply_schema(db)
    assert not second.changed
    assert (
        second.constraints_created == []
        and second.indexes_created == []
        and second.typology_nodes_created == 0
    )
    assert {r["name"] for r in db.read("schema/show_constraints")} == set(constraints)
    assert len(re.findall(r"CREATE ", schema_text())) == 12
    assert {r["name"] for r in db.read("schema/show_indexes")} == set(indexes)
    counts = {r["label"]: r["n"] for r in db.read("schema/count_typology")}
    assert counts == {c: len(ont.individuals(c)) for c in ("TraffickingType", "Indicator", "Role")}


def test_entity_id_constraint_is_enforced(db: Database) -> None:
    apply_schema(db)
    db.write("schema/test_create_entity", id="person:ann example", display_name="Ann Example")
    with pytest.raises(ConstraintError):
        db.write("schema/test_create_entity", id="person:ann example", display_name="Ann Example")


def test_cli_schema_apply_twice_reports_nothing_to_change(db: Database, neo4j_settings: Settings) -> None:
    first = lantern(neo4j_settings, "schema", "apply")
    assert first.returncode == 0, first.stdout + first.stderr
    second = lantern(neo4j_settings, "schema", "apply")
    assert second.returncode == 0, second.stdout + second.stderr
    typology = len(typology_rows())  # 28: 7 trafficking types, 10 indicators, 11 roles
    assert f"0 constraints and 0 indexes created; 0 of {typology} typology nodes created" in " ".join(
        second.stdout.split()
    )
    assert "Nothing to change" in second.stdout
    shown = lantern(neo4j_settings, "schema", "show")
    assert "CREATE CONSTRAINT entity_id_unique IF NOT EXISTS" in shown.stdout


def test_apply_replaces_an_entity_search_index_declared_over_the_old_search_text(
    db: Database, neo4j_settings: Settings
) -> None:
    """A database indexed before `entity_search` read the lists directly is migrated by `schema apply`."""
    db.write("schema/drop_index", index_name="entity_search")
    db.run_schema("schema/test_legacy_entity_search")
    assert outdated_fulltext(db, load_ontology()) == ["entity_search"]
    out = lantern(neo4j_settings, "schema", "apply")
    assert out.returncode == 0, out.stdout + out.stderr
    said = " ".join(out.stdout.split())
    assert "Replaced (declared differently in the ontology" in said and "entity_search" in said
    assert "Nothing to change" not in said
    index = {r["name"]: r for r in db.read("schema/show_indexes")}["entity_search"]
    assert sorted(index["properties"]) == ["aliases", "name", "value", "variants"]
    assert index["state"] == "ONLINE"
    nodes = db.read("ingest/dump_nodes")
    legacy = next(n for n in nodes if n["props"].get("id") == "test:legacy-search-text")
    assert "search_text" not in legacy["props"], "the stale derived copy is removed"
    hits = db.read("api/search_fulltext", q="Ardent", kinds=[], exclude_kinds=[], offset=0, limit=10)
    assert "test:legacy-search-text" in {h["entity"]["id"] for h in hits}, "aliases are searchable"
    again = apply_schema(db)
    assert again.indexes_replaced == [] and not again.changed
