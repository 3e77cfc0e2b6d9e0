"""Schema statements derived from the ontology: committed files match, apply is idempotent in shape."""

from __future__ import annotations

from typing import Any

from graph.catalog import catalog
from ontology import load_ontology
from ontology.schema import SCHEMA_DIR, apply_schema, generated_files, schema_text, typology_rows


def test_committed_schema_files_match_the_ontology() -> None:
    for name, text in generated_files().items():
        path = SCHEMA_DIR / name
        assert path.exists(), f"{path} missing: run `lantern schema show --write`"
        assert path.read_text(encoding="utf-8") == text, f"{name} drifted: run `lantern schema show --write`"


def test_schema_covers_required_keys_and_indexes() -> None:
    text = schema_text()
    for label in ("Entity", "Document", "TraffickingType", "Indicator", "Role", "AnalysisRun", "Incident"):
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in text
    for prop in ("name", "value", "network_id", "community_id"):
        assert f"FOR (n:Entity) ON (n.{prop})" in text
    assert (
        "CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) "
        "ON EACH [n.aliases, n.name, n.value, n.variants]" in text
    )
    assert all(
        "IF NOT EXISTS" in s
        for q in ("constraints", "indexes", "fulltext")
        for s in catalog().get(f"schema/{q}").statements
    )


def test_typology_rows_come_from_ontology_individuals() -> None:
    rows = typology_rows()
    ont = load_ontology()
    assert len(rows) == sum(len(ont.individuals(c)) for c in ("TraffickingType", "Indicator", "Role"))
    debt = next(r for r in rows if r["id"] == "DebtBondage")
    assert debt["label"] == "Indicator" and debt["name"] == "debt bondage" and debt["description"]


class _FakeSchemaDb:
    """Simulates SHOW output growing after the first run (no database)."""

    def __init__(self, existing: list[dict[str, Any]] | None = None) -> None:
        self.applied = False
        self.runs = 0
        self.calls: list[str] = []
        self.existing = existing or []  # indexes there before the first run

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        self.calls.append(name)
        if not self.applied:
            return [] if name == "schema/show_constraints" else self.existing
        if name == "schema/show_constraints":
            return [{"name": "entity_id_unique"}]
        return [
            {"name": "entity_id_unique", "type": "RANGE", "labels": ["Entity"], "properties": ["id"]},
            {"name": "entity_name", "type": "RANGE", "labels": ["Entity"], "properties": ["name"]},
        ]

    def write(self, name: str, **params: Any) -> list[dict[str, Any]]:
        self.calls.append(name)
        if name == "schema/drop_index":
            self.existing = [r for r in self.existing if r["name"] != params["index_name"]]
        if name == "schema/await_indexes":
            self.runs += 1
        if name == "schema/merge_typology":
            created = len(params["rows"]) if self.runs == 1 else 0
            return [{"created": created, "total": len(params["rows"])}]
        return []

    def run_schema(self, name: str) -> int:
        self.calls.append(name)
        self.applied = True
        return len(catalog().get(name).statements)


def test_apply_schema_reports_created_then_nothing() -> None:
    db = _FakeSchemaDb()
    first = apply_schema(db)
    assert first.constraints_created == ["entity_id_unique"] and first.indexes_created == ["entity_name"]
    assert first.typology_nodes_created == first.typology_nodes > 20 and first.changed
    second = apply_schema(db)
    assert not second.changed and second.statements == first.statements
    assert db.calls.count("schema/constraints") == 2 and "schema/await_indexes" in db.calls
    assert first.indexes_replaced == [] and "schema/drop_index" not in db.calls


def test_apply_schema_replaces_a_fulltext_index_declared_differently() -> None:
    legacy = {"name": "entity_search", "type": "FULLTEXT", "labels": ["Entity"],
              "properties": ["name", "search_text", "value"]}  # fmt: skip
    current = {**legacy, "properties": ["value", "variants", "name", "aliases"]}  # order does not matter
    assert apply_schema(_FakeSchemaDb([current])).indexes_replaced == []
    db = _FakeSchemaDb([legacy])
    report = apply_schema(db)
    assert report.indexes_replaced == ["entity_search"] and report.changed
    # dropped, then the derived property removed, before the CREATE ... IF NOT EXISTS statements run
    assert db.calls.index("schema/drop_index") < db.calls.index("schema/remove_search_text")
    assert db.calls.index("schema/remove_search_text") < db.calls.index("schema/fulltext")


def test_cli_schema_show_grass_and_describe(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from api.cli import app
    from ontology.grass import grass_text

    runner = CliRunner()
    shown = runner.invoke(app, ["schema", "show"])
    assert shown.exit_code == 0 and "CREATE FULLTEXT INDEX entity_search" in shown.output
    out = tmp_path / "s.grass"
    assert runner.invoke(app, ["schema", "grass", "--out", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == grass_text()
    described = runner.invoke(app, ["schema", "describe", "individuals"])
    assert described.exit_code == 0 and "DebtBondage" in described.output
    bad = runner.invoke(app, ["schema", "describe", "bogus"])
    assert bad.exit_code == 1 and "Unknown part 'bogus'" in bad.output
