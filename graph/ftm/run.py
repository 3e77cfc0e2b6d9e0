"""`lantern export --format ftm` and `lantern import ftm`: read the graph, write and validate JSON lines;
read a file into the graph or into watchlist targets."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from followthemoney import model

from graph.db import Runner
from graph.ftm.export import ExportStats, build_entities, validation_errors, write_jsonl
from graph.ftm.imports import ImportPlan, plan_import, read_entities
from graph.ftm.mapping import value_property_kinds
from graph.ftm.store import write_plan
from graph.resolve_keys import KeyError_, identifier_key, organization_key, person_base
from ontology import load_ontology
from ontology.export_graph import fetch_all
from ontology.names import C


@dataclass
class ExportResult:
    stats: ExportStats
    errors: list[str]
    sha256: str
    entities: int


def export_ftm(db: Runner, out: Path) -> ExportResult:
    """Write the whole graph as FtM JSON lines to `out`, then re-read every line with followthemoney's
    model and list what it rejects (empty when the file is valid)."""
    nodes, rels = fetch_all(db)
    entities, stats = build_entities(nodes, rels)
    with out.open("w", encoding="utf-8") as handle:
        write_jsonl(entities, handle)
    return ExportResult(stats, validate_file(out), file_sha256(out), len(entities))


def validate_file(path: Path) -> list[str]:
    """followthemoney's verdict on every line of an FtM JSON-lines file, plus references to missing ids."""
    errors: list[str] = []
    ids: set[str] = set()
    refs: list[tuple[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}: not JSON ({exc})")
            continue
        errors += [f"line {number}: {e}" for e in validation_errors(data)]
        ids.add(str(data.get("id")))
        try:
            proxy = model.get_proxy(data)
        except Exception:  # unknown schema: already reported by validation_errors
            continue
        refs += [(str(proxy.id), v) for p, v in proxy.itervalues() if p.type.name == "entity"]
    errors += [f"{src}: refers to {dst}, which is not in the file" for src, dst in refs if dst not in ids]
    return errors


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class ImportResult:
    plan: ImportPlan
    read_errors: list[str]
    written: dict[str, int] = field(default_factory=dict)


def import_ftm(db: Runner, path: Path, name: str, region: str = "GB") -> ImportResult:
    """Read an FtM JSON-lines file into the graph (idempotent); bad lines and entities are reported."""
    proxies, read_errors = read_entities(path.read_text(encoding="utf-8").splitlines())
    plan = plan_import(proxies, name, region, file_sha256(path))
    return ImportResult(plan, read_errors, write_plan(db, plan))


@dataclass(frozen=True)
class WatchTarget:
    kind: str
    """Lantern class of the watched identifier or name (Phone, Email, BankAccount, Person, Business ...)."""
    target: str
    """The entity id a watch matches (identifiers normalised like ingest, names to their base key)."""
    source_id: str
    """The FtM entity it comes from."""


def watch_targets(path: Path, region: str = "GB") -> tuple[list[WatchTarget], list[str]]:
    """What a watch or sanctions list asks to watch: every phone, e-mail, website, account, wallet,
    vehicle, person and organisation name of its entities, normalised like ingest."""
    from graph.ftm.imports import _foreign_kind

    proxies, errors = read_entities(path.read_text(encoding="utf-8").splitlines())
    ont = load_ontology()
    out: dict[str, WatchTarget] = {}
    for proxy in proxies:
        if proxy.schema.edge:
            continue
        pid = str(proxy.id)
        candidates: list[tuple[str, str]] = []
        for prop, value_kind in value_property_kinds().items():
            candidates += [(value_kind, v) for v in proxy.get(prop, quiet=True)]
        kind = _foreign_kind(proxy)
        names = proxy.get("name", quiet=True) + proxy.get("alias", quiet=True)
        try:
            if kind and ont.is_subclass(kind, C.Identifier):
                value = proxy.first("accountNumber", quiet=True) or proxy.first("iban", quiet=True)
                value = value or proxy.first("publicKey", quiet=True) or proxy.first("username", quiet=True)
                value = value or proxy.first("registrationNumber", quiet=True) or proxy.caption
                candidates.append((kind, value))
            for cand_kind, value in candidates:
                key = identifier_key(cand_kind, value, region).key
                out.setdefault(key, WatchTarget(cand_kind, key, pid))
            if kind == C.Person:
                for n in names:
                    out.setdefault(person_base(n), WatchTarget(kind, person_base(n), pid))
            elif kind and ont.is_subclass(kind, C.Organization):
                for n in names:
                    key = organization_key(kind, n).key
                    out.setdefault(key, WatchTarget(kind, key, pid))
        except (KeyError_, ValueError) as exc:
            errors.append(f"{pid}: {exc}")
    return list(out.values()), errors
