"""HTCDS-shaped CSVs (UNMigration's Human Trafficking Case Data Standard) for case-data partners.

Columns and code values come from the ontology's `lt:htcdsField` annotations, not from this file: a
class or individual annotated `prs_MobilePhone / ...; org_Phone` fills `prs_MobilePhone` for people and
`org_Phone` for organisations; `org_Type=NGO` gives an organisation's type; a role's
`per_RoleInProcess=Exploiter` its role code. Three tables: `Person.csv`, `Organisation.csv`,
`PersonRole.csv`; ids are Lantern's entity ids, so a partner can come back with a question about one.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from graph.db import Runner
from ontology import load_ontology
from ontology.names import C

_FIELD = re.compile(r"\b(prs|org|per)_([A-Za-z]+)(?:=([A-Za-z][\w ]*?))?(?=\s*(?:/|;|\(|$))")


def htcds_fields(text: str) -> list[tuple[str, str, str | None]]:
    """(object prefix, field, code value or None) in the order the annotation gives them."""
    return [(m[1], f"{m[1]}_{m[2]}", m[3]) for m in _FIELD.finditer(text)]


def _first(text: str, prefix: str, with_value: bool) -> tuple[str, str | None] | None:
    for pre, name, value in htcds_fields(text):
        if pre == prefix and (value is not None) == with_value:
            return name, value
    return None


def _class_htcds(kind: str) -> str:
    ont = load_ontology()
    info = ont.classes[kind]
    return next(
        (ont.classes[c].htcds for c in [info.name, *reversed(info.ancestors)] if ont.classes[c].htcds), ""
    )


def _link_column(link: dict[str, Any], prefix: str) -> tuple[str, str] | None:
    """(column, value) a link fills for a person (prs) or organisation (org): the target class's field, when
    the link is an identifier's use or the relationship's own annotation names that field (LOCATED_IN)."""
    ont = load_ontology()
    if link["kind"] not in ont.classes or ont.is_individual(link["id"]):
        return None
    rel = ont.relation(link["type"])
    for pre, column, value in htcds_fields(_class_htcds(link["kind"])):
        if pre == prefix and value is None:
            uses = all(ont.is_subclass(r, C.Identifier) for r in rel.range)
            if uses or column in rel.htcds:
                return column, str(link["value"])
    return None


def _rows(actors: list[dict[str, Any]], prefix: str) -> tuple[list[dict[str, str]], list[str]]:
    rows, columns = [], [f"{prefix}_ID", f"{prefix}_Name" if prefix == "org" else "prs_FirstName"]
    for actor in actors:
        row: dict[str, str] = {f"{prefix}_ID": actor["id"]}
        if prefix == "prs":
            first, _, second = (actor["name"] or "").partition(" ")
            row.update(prs_FirstName=first, prs_SecondName=second)
        else:
            row["org_Name"] = actor["name"] or ""
            code = _first(_class_htcds(actor["kind"]), "org", True)
            row["org_Type"] = code[1] or "" if code else ""
        for link in actor["links"]:
            filled = _link_column(link, prefix)
            if filled:
                column, value = filled
                row[column] = "; ".join(v for v in (row.get(column), value) if v)
        rows.append(row)
        columns += [c for c in row if c not in columns]
    return rows, columns


def _role_rows(people_and_orgs: list[dict[str, Any]]) -> list[dict[str, str]]:
    ont = load_ontology()
    rows = []
    for actor in people_and_orgs:
        for link in actor["links"]:
            if not ont.is_individual(link["id"], C.Role):
                continue
            code = _first(ont.individual(link["id"]).htcds, "per", True)
            rows.append(
                {
                    "per_PersonOrOrganisationID": actor["id"],
                    "per_RoleInProcess": code[1] or "" if code else "",
                    "lantern_Role": link["id"],
                }
            )
    return rows


def _write(path: Path, rows: list[dict[str, str]], columns: list[str]) -> int:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def export_htcds(db: Runner, out_dir: Path) -> dict[str, int]:
    """Write Person.csv, Organisation.csv and PersonRole.csv into `out_dir`; returns rows per table."""
    ont = load_ontology()
    person_kinds, org_kinds = ont.subclasses(C.Person), ont.subclasses(C.Organization)
    actors = frozenset(person_kinds) | frozenset(org_kinds)
    types = [t for t in ont.relationship_types if ont.relation(t).domain & actors]
    people = db.read("htcds/actors", kinds=person_kinds, types=types)
    orgs = db.read("htcds/actors", kinds=org_kinds, types=types)
    out_dir.mkdir(parents=True, exist_ok=True)
    person_rows, person_cols = _rows(people, "prs")
    org_rows, org_cols = _rows(orgs, "org")
    roles = _role_rows(people + orgs)
    return {
        "Person.csv": _write(out_dir / "Person.csv", person_rows, person_cols),
        "Organisation.csv": _write(out_dir / "Organisation.csv", org_rows, org_cols),
        "PersonRole.csv": _write(
            out_dir / "PersonRole.csv",
            roles,
            ["per_PersonOrOrganisationID", "per_RoleInProcess", "lantern_Role"],
        ),
    }
