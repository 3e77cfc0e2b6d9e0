"""Derive the Neo4j schema from the ontology and apply it idempotently.

Generated files (committed; `tests/unit/test_ontology_schema.py` fails when they drift):

* `queries/schema/constraints.cypher` — a uniqueness constraint per class with a key property,
* `queries/schema/indexes.cypher`     — range indexes declared with `lt:rangeIndex`,
* `queries/schema/fulltext.cypher`    — full-text indexes declared with `lt:fulltextIndex`.

Regenerate with `lantern schema show --write`. `apply_schema(db)` runs them (IF NOT EXISTS), then
MERGEs the TraffickingType / Indicator / Role individuals so classification edges have targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ontology.loader import Ontology, load_ontology

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "queries" / "schema"
TYPOLOGY_CLASSES = ("TraffickingType", "Indicator", "Role")


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def constraint_statements(ont: Ontology) -> list[str]:
    out = []
    for cls in ont.keyed_classes():
        key = ont.classes[cls].key_property
        out.append(
            f"CREATE CONSTRAINT {_snake(cls)}_{key}_unique IF NOT EXISTS "
            f"FOR (n:{cls}) REQUIRE n.{key} IS UNIQUE"
        )
    return out


def index_statements(ont: Ontology) -> list[str]:
    out = []
    for cls in sorted(ont.classes):
        for prop in ont.classes[cls].range_indexes:
            out.append(f"CREATE INDEX {_snake(cls)}_{prop} IF NOT EXISTS FOR (n:{cls}) ON (n.{prop})")
    return out


def fulltext_statements(ont: Ontology) -> list[str]:
    out = []
    for cls in sorted(ont.classes):
        info = ont.classes[cls]
        if info.fulltext_index:
            props = ", ".join(f"n.{p}" for p in info.fulltext_properties)
            out.append(
                f"CREATE FULLTEXT INDEX {info.fulltext_index} IF NOT EXISTS FOR (n:{cls}) ON EACH [{props}]"
            )
    return out


_FILES = {
    "constraints": (
        "Uniqueness constraints on the key property of each keyed ontology class.",
        constraint_statements,
    ),
    "indexes": ("Range indexes on properties the ontology marks with lt:rangeIndex.", index_statements),
    "fulltext": ("Full-text indexes declared with lt:fulltextIndex (entity_search).", fulltext_statements),
}


def generated_files(ont: Ontology | None = None) -> dict[str, str]:
    """File name -> exact text of each generated schema file."""
    ont = ont or load_ontology()
    files: dict[str, str] = {}
    for stem, (description, make) in _FILES.items():
        body = ";\n".join(make(ont)) + ";\n"
        header = (
            f"// name: schema/{stem}\n"
            f"// description: {description}\n"
            "// description: GENERATED from ontology/lantern.ttl (lantern schema show --write).\n"
            "// params: (none)\n"
            "// returns: nothing\n"
            "// mode: schema\n"
        )
        files[f"{stem}.cypher"] = header + body
    return files


def schema_text(ont: Ontology | None = None) -> str:
    """Every schema statement, in apply order (what `lantern schema show` prints)."""
    return "\n".join(generated_files(ont).values())


def write_schema_files(directory: Path = SCHEMA_DIR, ont: Ontology | None = None) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generated_files(ont).items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def typology_rows(ont: Ontology | None = None) -> list[dict[str, str]]:
    """One row per TraffickingType / Indicator / Role individual: label, id, name, description."""
    ont = ont or load_ontology()
    rows = []
    for cls in TYPOLOGY_CLASSES:
        for name in ont.individuals(cls):
            info = ont.individual(name)
            rows.append(
                {
                    "label": cls,
                    "id": name,
                    "name": info.label,
                    "description": info.comment,
                    "iri": info.iri,
                    "htcds": info.htcds,
                }
            )
    return rows


class SchemaRunner(Protocol):
    def read(self, name: str, **params: Any) -> list[dict[str, Any]]: ...
    def write(self, name: str, **params: Any) -> list[dict[str, Any]]: ...
    def run_schema(self, name: str) -> int: ...


@dataclass
class SchemaReport:
    statements: int = 0
    constraints_created: list[str] = field(default_factory=list)
    indexes_created: list[str] = field(default_factory=list)
    indexes_replaced: list[str] = field(default_factory=list)
    """Full-text indexes whose labels or properties differed from the ontology: dropped and created again."""
    typology_nodes_created: int = 0
    typology_nodes: int = 0

    @property
    def changed(self) -> bool:
        created = self.constraints_created or self.indexes_created or self.typology_nodes_created
        return bool(created or self.indexes_replaced)


def _names(db: SchemaRunner) -> tuple[set[str], set[str]]:
    constraints = {r["name"] for r in db.read("schema/show_constraints")}
    indexes = {r["name"] for r in db.read("schema/show_indexes")}
    return constraints, indexes - constraints


def outdated_fulltext(db: SchemaRunner, ont: Ontology) -> list[str]:
    """Full-text indexes the ontology declares that exist with other labels or properties.

    `CREATE FULLTEXT INDEX ... IF NOT EXISTS` keeps an index of the same name whatever it covers, so a
    changed declaration (e.g. `entity_search` moving from a derived `search_text` to the `variants` and
    `aliases` lists) would never reach a database created before the change.
    """
    wanted = {
        info.fulltext_index: ([cls], sorted(info.fulltext_properties))
        for cls, info in ont.classes.items()
        if info.fulltext_index
    }
    return sorted(
        row["name"]
        for row in db.read("schema/show_indexes")
        if row["type"] == "FULLTEXT"
        and row["name"] in wanted
        and (sorted(row["labels"] or []), sorted(row["properties"] or [])) != wanted[row["name"]]
    )


def outdated_fulltext_warnings(db: SchemaRunner, ont: Ontology | None = None) -> list[str]:
    """What to tell a user about each index `outdated_fulltext` finds (`lantern ingest`, `lantern serve`)."""
    return [
        f"the full-text index `{name}` was created by an older Lantern and does not cover what this version "
        "writes: search misses the aliases and identifier variants of entities loaded since. Run "
        "`lantern schema apply` (it rebuilds the index from the graph; nothing is lost)."
        for name in outdated_fulltext(db, ont or load_ontology())
    ]


def apply_schema(db: SchemaRunner, ont: Ontology | None = None) -> SchemaReport:
    """Create missing constraints/indexes and typology nodes. Safe to run any number of times."""
    ont = ont or load_ontology()
    report = SchemaReport()
    for name in outdated_fulltext(db, ont):  # recreated below from the ontology's declaration
        db.write("schema/drop_index", index_name=name)
        report.indexes_replaced.append(name)
    if "entity_search" in report.indexes_replaced:  # the derived property the old declaration indexed
        db.write("schema/remove_search_text")
    before_c, before_i = _names(db)
    for stem in _FILES:
        report.statements += db.run_schema(f"schema/{stem}")
    db.write("schema/await_indexes")
    after_c, after_i = _names(db)
    report.constraints_created = sorted(after_c - before_c)
    report.indexes_created = sorted(after_i - before_i - set(report.indexes_replaced))
    rows = typology_rows(ont)
    result = db.write("schema/merge_typology", rows=rows)
    report.typology_nodes_created = int(result[0]["created"]) if result else 0
    report.typology_nodes = len(rows)
    return report
