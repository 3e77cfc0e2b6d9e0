"""Lantern's graph as FollowTheMoney entities (JSON lines), following graph/ftm/mapping.py.

Nodes of classes with an FtM schema become entities (the Lantern id is the FtM id; `keywords` keeps the
exact Lantern class); identifier values FtM models as properties (phone, email, website) go on the
entities that use them and the documents that mention them; relationships become interval entities
whose `description` lists the evidence (`doc [start:end] (confidence) snippet`) and whose `proof` names
the documents. A value FtM's own type check rejects (libphonenumber calls the fictional +44 7700 900xxx
range unassigned) is kept as a `lantern:TYPE>Kind:value` keyword instead of being dropped.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from followthemoney import model, registry
from followthemoney.proxy import EntityProxy

from graph.ftm.mapping import ID_PREFIX, KIND_PREFIX, LINK_PREFIX, class_map, ftm_id, relation_map
from ontology import load_ontology
from ontology.names import C, R


@dataclass
class ExportStats:
    entities: Counter[str] = field(default_factory=Counter)
    """FtM schema → entities written."""
    nodes: int = 0
    relationships: int = 0
    as_property: int = 0
    as_keyword: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    """Reason → count of nodes or relationships FtM could not carry."""

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {s}" for s, n in sorted(self.entities.items()))
        text = (
            f"{sum(self.entities.values())} FtM entities ({kinds}) from {self.nodes} nodes and "
            f"{self.relationships} relationships; {self.as_property} links as properties, "
            f"{self.as_keyword} as lantern: keywords"
        )
        if self.skipped:
            text += "; not carried: " + ", ".join(f"{n} {r}" for r, n in sorted(self.skipped.items()))
        return text


def _kind(node: dict[str, Any]) -> str | None:
    ont = load_ontology()
    kind = node["props"].get("kind")
    if kind in ont.classes:
        return str(kind)
    labels = [lbl for lbl in node["labels"] if lbl in ont.classes]
    return max(labels, key=lambda lbl: len(ont.classes[lbl].ancestors)) if labels else None


def _node_value(kind: str, props: dict[str, Any]) -> str:
    """What a value node is written as: an identifier's value, a vocabulary individual's id (Recruiter)."""
    if not load_ontology().is_subclass(kind, C.Entity):
        return str(props["id"])
    return str(props.get("value") or props.get("name") or props.get("id"))


def _add(proxy: EntityProxy, prop: str, value: Any) -> bool:
    """Add a value if FtM's type for the property accepts it; False when it does not."""
    if value in (None, "", []):
        return True
    before = len(proxy.get(prop))
    proxy.add(prop, str(value))
    return len(proxy.get(prop)) > before or str(value) in proxy.get(prop)


def _entity(kind: str, props: dict[str, Any]) -> EntityProxy | None:
    schema = class_map(kind).schema
    if not schema:
        return None
    proxy = model.make_entity(schema)
    proxy.id = ftm_id(str(props["id"]))
    name = str(props.get("name") or props.get("value") or props["id"])
    if "bodyText" in proxy.schema.properties:  # FtM's documents (Document, Article ...)
        proxy.add("title", props.get("title") or name)
        proxy.add("fileName", f"{props['id']}.txt")
        proxy.add("bodyText", props.get("text"))
        proxy.add("sourceUrl", props.get("url"))
        proxy.add("publisher", props.get("source"))
        if props.get("published"):
            proxy.add("publishedAt", str(props["published"])[:10])
    else:
        proxy.add("name", name)
        field_name = class_map(kind).value_field
        if field_name:
            proxy.add(field_name, props.get("value") or name)
        if "latitude" in proxy.schema.properties:
            proxy.add("country", props.get("country_code"))
            proxy.add("latitude", props.get("lat"))
            proxy.add("longitude", props.get("lon"))
    for alias in props.get("aliases") or []:
        if alias != name and "alias" in proxy.schema.properties:
            proxy.add("alias", alias)
    proxy.add("keywords", [KIND_PREFIX + kind, ID_PREFIX + str(props["id"])])
    return proxy


def _evidence(props: dict[str, Any]) -> list[str]:
    docs = props.get("ev_doc_ids") or []
    starts, ends = props.get("ev_starts") or [], props.get("ev_ends") or []
    snippets, confs = props.get("ev_snippets") or [], props.get("ev_confidences") or []
    out = []
    for i, doc in enumerate(docs):
        start = starts[i] if i < len(starts) else 0
        end = ends[i] if i < len(ends) else 0
        conf = confs[i] if i < len(confs) else props.get("confidence", 0.0)
        snippet = snippets[i] if i < len(snippets) else ""
        out.append(f"{doc} [{start}:{end}] ({conf}) {snippet}")
    return out


def _mention_spans(props: dict[str, Any], doc_id: str) -> list[str]:
    starts, ends, texts = props.get("starts") or [], props.get("ends") or [], props.get("texts") or []
    conf = props.get("confidence", 0.0)
    return [f"{doc_id} [{s}:{e}] ({conf}) {t}" for s, e, t in zip(starts, ends, texts, strict=False)]


def _edge_id(rel_type: str, source: str, target: str, key: object = None) -> str:
    """Stable id of an edge; `key` (the edge's own `id`, e.g. a transaction id) tells apart several
    edges of one type between the same two nodes."""
    suffix = f"|{key}" if key is not None else ""
    return "rel-" + hashlib.sha1(f"{rel_type}|{source}|{target}{suffix}".encode()).hexdigest()


def build_entities(
    nodes: list[dict[str, Any]], rels: list[dict[str, Any]]
) -> tuple[list[EntityProxy], ExportStats]:
    """FtM entities for the graph's nodes and relationships (as read by ontology/export_graph.py)."""
    stats = ExportStats()
    by_eid: dict[str, tuple[str, dict[str, Any]]] = {}
    entities: dict[str, EntityProxy] = {}
    for node in nodes:
        kind = _kind(node)
        if kind is None:
            stats.skipped["nodes without an ontology class"] += 1
            continue
        by_eid[node["eid"]] = (kind, node["props"])
        stats.nodes += 1
        cm = class_map(kind)
        if cm.schema:
            proxy = _entity(kind, node["props"])
            if proxy is not None:
                entities[str(node["props"]["id"])] = proxy
        elif cm.skip:
            stats.skipped[f"{kind} nodes ({cm.skip})"] += 1
    out_edges: list[EntityProxy] = []
    for rel in rels:
        if rel["source"] not in by_eid or rel["target"] not in by_eid:
            stats.skipped["relationships to skipped nodes"] += 1
            continue
        stats.relationships += 1
        (skind, sprops), (tkind, tprops) = by_eid[rel["source"]], by_eid[rel["target"]]
        sid, tid = str(sprops["id"]), str(tprops["id"])
        m = relation_map(rel["type"])
        source, target = entities.get(sid), entities.get(tid)
        if m.schema and source is not None and target is not None:
            edge = model.make_entity(m.schema)
            edge.id = _edge_id(rel["type"], sid, tid, rel["props"].get("id"))
            first, second = (target, source) if m.reversed else (source, target)
            edge.add(m.source_prop or "", first.id)
            edge.add(m.target_prop or "", second.id)
            edge.add(m.role_prop or "", m.label)
            props = rel["props"]
            if rel["type"] == R.MENTIONED_IN:
                edge.add("description", _mention_spans(props, tid))
            else:
                edge.add("description", _evidence(props))
                edge.add("proof", [ftm_id(d) for d in props.get("ev_doc_ids") or [] if d in entities])
                if props.get("score") is not None:
                    edge.add("summary", f"score {props['score']}: {props.get('reason') or ''}".strip())
            out_edges.append(edge)
            continue
        # one end is a value (phone, role ...): the link becomes a property or keyword of the other end
        if source is not None and target is None:
            holder, value_kind, value, arrow = source, tkind, _node_value(tkind, tprops), ">"
        elif target is not None and source is None:
            holder, value_kind, value, arrow = target, skind, _node_value(skind, sprops), "<"
        else:
            stats.skipped[f"{rel['type']} between two values"] += 1
            continue
        prop = m.property if arrow == ">" else None
        if rel["type"] == R.MENTIONED_IN:
            prop = class_map(value_kind).mention_property
        if prop and prop != "keywords" and prop in holder.schema.properties and _add(holder, prop, value):
            stats.as_property += 1
            continue
        holder.add("keywords", f"{LINK_PREFIX}{rel['type']}{arrow}{value_kind}:{value}")
        stats.as_keyword += 1
    result = [*entities.values(), *out_edges]
    for proxy in result:
        stats.entities[proxy.schema.name] += 1
    return result, stats


def validation_errors(entity: dict[str, Any]) -> list[str]:
    """What followthemoney's model says is wrong with one serialised entity: unknown schema, missing
    required properties, unknown properties, values its property types reject."""
    schema = model.get(entity.get("schema") or "")
    eid = entity.get("id")
    if schema is None:
        return [f"{eid}: unknown FtM schema {entity.get('schema')!r}"]
    errors = []
    properties = entity.get("properties") or {}
    errors += [f"{eid}: {schema.name} needs {p!r}" for p in schema.required if not properties.get(p)]
    if eid is None or registry.entity.clean(str(eid)) != eid:
        errors.append(f"{eid!r}: not a valid FtM id")
    for name, values in properties.items():
        prop = schema.get(name)
        if prop is None:
            errors.append(f"{eid}: {schema.name} has no property {name!r}")
            continue
        for value in values:
            if prop.type.clean(value, proxy=None) is None:
                errors.append(f"{eid}: {name}={value!r} is not a valid {prop.type.name}")
    return errors


def write_jsonl(entities: list[EntityProxy], out: TextIO) -> int:
    for proxy in entities:
        out.write(json.dumps(proxy.to_dict(), sort_keys=True, ensure_ascii=False) + "\n")
    return len(entities)
