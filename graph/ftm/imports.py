"""FollowTheMoney entities into Lantern: into the graph with provenance, or as watchlist targets.

A file Lantern exported (`lantern:kind=` keywords) comes back with its ids, kinds, evidence and
documents unchanged (the round trip). A foreign file (a sanctions or watch list) gets `ftm:<id>` ids for
its people and organisations, identifier keys (phone:+44..., email:...) for its values, and one
provenance document `ftm-import:<name>` that every entity or link without documents of its own cites.
Each entity or link that cannot be read is reported with its id and reason; the rest is imported.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from graph.ftm.mapping import (
    ID_PREFIX,
    KIND_PREFIX,
    LINK_PREFIX,
    class_map,
    interval_relations,
    property_relations,
    relation_map,
    schema_kinds,
    value_property_kinds,
)
from graph.resolve_keys import KeyError_, identifier_key
from ontology import load_ontology
from ontology.names import C, R

_EVIDENCE = re.compile(r"^(\S+) \[(-?\d+):(-?\d+)\] \(([-\d.eE]+)\) (.*)$", re.S)


@dataclass
class ImportPlan:
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    mentions: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "entities": len(self.entities),
            "documents": len(self.documents),
            "relationships": len(self.relations),
            "mentions": len(self.mentions),
        }


def read_entities(lines: Iterable[str]) -> tuple[list[EntityProxy], list[str]]:
    """Parse JSON lines with followthemoney's model; a bad line is reported (number, reason) and skipped."""
    proxies, errors = [], []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            proxy = model.get_proxy(data)
            if not proxy.id:
                raise ValueError("the entity has no id")
            proxies.append(proxy)
        except Exception as exc:  # invalid JSON, unknown schema, missing id: report and go on
            errors.append(f"line {number}: {exc}")
    return proxies, errors


def _kind_of(proxy: EntityProxy) -> tuple[str | None, bool]:
    """(Lantern class, exported by Lantern?) of a non-edge FtM entity."""
    ont = load_ontology()
    for keyword in proxy.get("keywords", quiet=True):
        if keyword.startswith(KIND_PREFIX) and keyword[len(KIND_PREFIX) :] in ont.classes:
            return keyword[len(KIND_PREFIX) :], True
    return _foreign_kind(proxy), False


def _foreign_kind(proxy: EntityProxy) -> str | None:
    kinds = schema_kinds()
    for schema in [proxy.schema, *proxy.schema.schemata]:
        if schema.name in kinds:
            return kinds[schema.name]
    return None


def _lantern_id(proxy: EntityProxy) -> str:
    """The Lantern id a Lantern export recorded, or `ftm:<id>` for a foreign entity."""
    for keyword in proxy.get("keywords", quiet=True):
        if keyword.startswith(ID_PREFIX):
            return keyword[len(ID_PREFIX) :]
    return f"ftm:{proxy.id}"


class _Planner:
    def __init__(self, source_doc: str, source_title: str, region: str, digest: str | None) -> None:
        self.plan = ImportPlan()
        self.source_doc, self.source_title, self.region = source_doc, source_title, region
        self.digest = digest
        self.ids: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.ont = load_ontology()

    def value_node(self, kind: str, value: str) -> str | None:
        if kind in self.ont.classes and self.ont.is_individual(value, kind):
            self.kinds[value] = kind
            return value
        try:
            resolved = identifier_key(kind, value, self.region)
        except (KeyError_, ValueError) as exc:
            self.plan.errors.append(f"{kind} '{value}': cannot normalise ({exc})")
            return None
        node = self.plan.entities.setdefault(resolved.key, self.entity_row(resolved.key, kind, value, value))
        node["variants"] = sorted(set(node["variants"]) | set(resolved.variants))
        self.kinds[resolved.key] = kind
        return resolved.key

    def keyed_label(self, kind: str) -> str:
        """The label whose key constraint finds a node of this class (Entity, Document, Role ...)."""
        return next(c for c in self.ont.labels_for(kind) if self.ont.classes[c].key_property)

    def entity_row(self, node_id: str, kind: str, name: str, value: str) -> dict[str, Any]:
        return {
            "id": node_id,
            "kind": kind,
            "labels": self.ont.labels_for(kind),
            "name": name,
            "value": value,
            "variants": [name],
            "aliases": [],
            "props": {},
        }

    def add_relation(
        self, rel_type: str, src: str, dst: str, evidence: list[tuple[str, int, int, float, str]], note: str
    ) -> None:
        skind, dkind = self.kinds.get(src), self.kinds.get(dst)
        if skind is None or dkind is None or not self.ont.allows(rel_type, skind, dkind):
            self.plan.errors.append(
                f"{rel_type} {src} -> {dst}: the ontology does not allow {skind} -> {dkind}"
            )
            return
        if not evidence:
            evidence = [(self.source_doc, 0, 0, 1.0, note)]
        row = self.plan.relations.setdefault(
            (rel_type, src, dst),
            {
                "type": rel_type,
                "src": src,
                "dst": dst,
                "items": [],
                "src_label": self.keyed_label(skind),
                "dst_label": self.keyed_label(dkind),
            },
        )
        row["items"] += [e for e in evidence if e not in row["items"]]

    def entity(self, proxy: EntityProxy) -> None:
        kind, ours = _kind_of(proxy)
        if kind is None or (not class_map(kind).schema):
            self.plan.errors.append(
                f"{proxy.id}: FtM schema {proxy.schema.name} has no Lantern class; skipped"
            )
            return
        if "bodyText" in proxy.schema.properties:  # FtM's documents (Document, Article ...)
            node_id = _lantern_id(proxy)
            self.plan.documents[node_id] = {
                "id": node_id,
                "kind": kind,
                "labels": self.ont.labels_for(kind),
                "title": proxy.first("title", quiet=True) or proxy.caption,
                "text": proxy.first("bodyText", quiet=True) or "",
                "url": proxy.first("sourceUrl", quiet=True),
                "source": proxy.first("publisher", quiet=True) or "ftm",
                "published": (proxy.first("publishedAt", quiet=True) or "")[:10] or None,
                "content_hash": None,
            }
        else:
            field_name = class_map(kind).value_field
            name = str(proxy.first("name", quiet=True) or proxy.first("full", quiet=True) or proxy.caption)
            value = str((proxy.first(field_name, quiet=True) if field_name else None) or name)
            found = _lantern_id(proxy) if ours else self._foreign_id(proxy, kind, value)
            if found is None:
                return
            node_id = found
            row = self.entity_row(node_id, kind, name, value)
            row["aliases"] = sorted(set(proxy.get("alias", quiet=True)))
            row["variants"] = sorted({name, *row["aliases"]})
            if proxy.first("country", quiet=True):
                row["props"]["country_code"] = str(proxy.first("country", quiet=True)).upper()
            self.plan.entities[node_id] = row
        self.ids[proxy.id or ""] = node_id
        self.kinds[node_id] = kind

    def _foreign_id(self, proxy: EntityProxy, kind: str, value: str) -> str | None:
        if self.ont.is_subclass(kind, C.Identifier):
            try:
                return identifier_key(kind, value, self.region).key
            except (KeyError_, ValueError) as exc:
                self.plan.errors.append(f"{proxy.id}: {kind} '{value}' cannot be normalised ({exc}); skipped")
                return None
        return f"ftm:{proxy.id}"

    def values(self, proxy: EntityProxy) -> None:
        """Value properties (phone, email, website, *Mentioned) and lantern: keywords of an entity."""
        own = self.ids.get(proxy.id or "")
        if own is None:
            return
        is_doc = "bodyText" in proxy.schema.properties
        for prop, rel_type in property_relations().items():
            for value in [] if is_doc else proxy.get(prop, quiet=True):
                target = self.value_node(value_property_kinds()[prop], value)
                if target:
                    self.add_relation(rel_type, own, target, [], f"{proxy.caption}: {prop} {value}")
        for kind in value_property_kinds().values():
            mention = class_map(kind).mention_property
            for value in proxy.get(mention, quiet=True) if is_doc and mention else []:
                source = self.value_node(kind, value)
                if source:
                    self.mention(source, own, [])
        for keyword in proxy.get("keywords", quiet=True):
            match = re.match(rf"^{LINK_PREFIX}([A-Z_]+)([<>])(\w+):(.*)$", keyword, re.S)
            if not match or not self.ont.is_relationship_type(match[1]):
                continue
            rel_type, arrow, kind, value = match.groups()
            other = self.value_node(kind, value)
            if other is None:
                continue
            src, dst = (own, other) if arrow == ">" else (other, own)
            if rel_type == R.MENTIONED_IN:
                self.mention(src, dst, [])
            else:
                self.add_relation(rel_type, src, dst, [], f"{proxy.caption}: {keyword}")

    def mention(self, entity: str, doc: str, spans: list[tuple[str, int, int, float, str]]) -> None:
        row = self.plan.mentions.setdefault(
            (entity, doc),
            {"entity": entity, "doc": doc, "starts": [], "ends": [], "texts": [], "confidence": 1.0},
        )
        for _, start, end, conf, text in spans:
            row["starts"].append(start)
            row["ends"].append(end)
            row["texts"].append(text)
            row["confidence"] = conf

    def edge(self, proxy: EntityProxy) -> None:
        schema = proxy.schema
        role_prop = next((p for p in ("role", "relationship", "purpose") if p in schema.properties), None)
        labels = proxy.get(role_prop, quiet=True) if role_prop else []
        lookup = interval_relations()
        rel_type = next((lookup[(schema.name, lbl)] for lbl in labels if (schema.name, lbl) in lookup), None)
        if rel_type is None:
            candidates = [t for (s, _), t in lookup.items() if s == schema.name]
            rel_type = candidates[0] if len(candidates) == 1 else None
        if rel_type is None:
            self.plan.errors.append(
                f"{proxy.id}: no Lantern relationship for FtM {schema.name} with role {labels or 'none'}"
            )
            return
        m = relation_map(rel_type)
        first = self.ids.get(proxy.first(m.source_prop or "") or "")
        second = self.ids.get(proxy.first(m.target_prop or "") or "")
        if first is None or second is None:
            self.plan.errors.append(f"{proxy.id}: {schema.name} points at an entity not in the file; skipped")
            return
        src, dst = (second, first) if m.reversed else (first, second)
        items = []
        for text in proxy.get("description"):
            parsed = _EVIDENCE.match(text)
            if parsed:
                doc = parsed[1] if parsed[1] in self.plan.documents else self.ids.get(parsed[1], parsed[1])
                items.append((doc, int(parsed[2]), int(parsed[3]), float(parsed[4]), parsed[5]))
        docs = set(self.plan.documents)
        items = [i for i in items if i[0] in docs]
        if rel_type == R.MENTIONED_IN:
            self.mention(src, dst, items)
        else:
            note = "; ".join(proxy.get("summary")) or f"{schema.name}: {proxy.caption}"
            self.add_relation(rel_type, src, dst, items, note)

    def provenance(self) -> None:
        """Entities with no document of their own cite the import's provenance document."""
        documented = {e for e, _ in self.plan.mentions}
        bare = [e for e in self.plan.entities if e not in documented]
        cited = any(i[0] == self.source_doc for r in self.plan.relations.values() for i in r["items"])
        for entity in bare:
            self.mention(
                entity, self.source_doc, [(self.source_doc, 0, 0, 1.0, self.plan.entities[entity]["name"])]
            )
        if bare or cited:
            self.plan.documents[self.source_doc] = {
                "id": self.source_doc,
                "kind": C.Document,
                "labels": [C.Document],
                "title": self.source_title,
                "text": "",
                "url": None,
                "source": "ftm",
                "published": datetime.now(UTC).date().isoformat(),
                "content_hash": self.digest,
            }


def plan_import(
    proxies: list[EntityProxy], name: str, region: str = "GB", digest: str | None = None
) -> ImportPlan:
    """What importing these FtM entities writes (nodes, documents, links, mentions) and what it skips."""
    planner = _Planner(f"ftm-import:{name}", f"FollowTheMoney import {name}", region, digest)
    nodes = [p for p in proxies if not p.schema.edge]
    for proxy in nodes:
        planner.entity(proxy)
    for proxy in nodes:
        planner.values(proxy)
    for proxy in proxies:
        if proxy.schema.edge:
            planner.edge(proxy)
    planner.provenance()
    return planner.plan


def relation_rows(plan: ImportPlan) -> list[dict[str, Any]]:
    rows = []
    for r in plan.relations.values():
        items = r["items"]
        rows.append(
            {
                "type": r["type"],
                "src": r["src"],
                "dst": r["dst"],
                "src_label": r["src_label"],
                "dst_label": r["dst_label"],
                "doc_ids": [i[0] for i in items],
                "starts": [i[1] for i in items],
                "ends": [i[2] for i in items],
                "confidences": [i[3] for i in items],
                "snippets": [i[4] for i in items],
                "doc_count": len({i[0] for i in items}),
                "confidence": max(i[3] for i in items),
            }
        )
    return rows


def file_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
