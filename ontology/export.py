"""Export the graph (or a subgraph) as RDF with the ontology's IRIs, provenance included.

* a node becomes `<id/entity/...> a lt:<kind>` with one `lt:<property>` triple per value;
  TraffickingType / Indicator / Role nodes use the ontology individual IRIs (lt:DebtBondage);
* `MENTIONED_IN {starts, ends, texts, confidence}` becomes one `lt:Mention` per span
  (lt:mentionOf, lt:inDocument, lt:start, lt:end, lt:text, lt:confidence);
* every other edge becomes a triple plus an `rdf:Statement` carrying the edge properties and one
  `lt:evidence` Mention per evidence item (document, span, snippet, confidence).

Labels or types the ontology does not know (platform self-test nodes) are skipped and counted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from rdflib import RDF, XSD, Graph, Literal, URIRef

from ontology.loader import DATA, LT, Ontology, load_ontology

EVIDENCE_LISTS = ("ev_doc_ids", "ev_starts", "ev_ends", "ev_snippets", "ev_confidences")
MENTION_LISTS = ("starts", "ends", "texts")
TYPOLOGY = ("TraffickingType", "Indicator", "Role")
_SAFE = ":@+"  # readable IRIs (phone:+44..., email:a@example.com); spaces etc. are %-encoded


@dataclass
class ExportStats:
    nodes: int = 0
    relationships: int = 0
    mentions: int = 0
    skipped_nodes: int = 0
    skipped_relationships: int = 0
    triples: int = 0


def _h(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _literal(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    if hasattr(value, "iso_format"):  # neo4j.time Date / DateTime / Time / Duration
        kind = {"Date": XSD.date, "DateTime": XSD.dateTime}.get(type(value).__name__)
        return Literal(value.iso_format(), datatype=kind)
    return Literal(str(value))


def _kind(ont: Ontology, labels: list[str], props: dict[str, Any]) -> str | None:
    kind = props.get("kind")
    if isinstance(kind, str) and kind in labels and ont.is_graph_label(kind):
        return kind
    known = [label for label in labels if ont.is_graph_label(label)]
    return max(known, key=lambda n: len(ont.classes[n].ancestors)) if known else None


def node_iri(ont: Ontology, kind: str, key: str) -> URIRef:
    if kind in TYPOLOGY and ont.is_individual(key, kind):
        return LT[key]
    if ont.is_subclass(kind, "Entity"):
        return DATA[f"entity/{quote(key, safe=_SAFE)}"]
    if ont.is_subclass(kind, "Document"):
        return DATA[f"document/{quote(key, safe=_SAFE)}"]
    return DATA[f"{kind.lower()}/{quote(key, safe=_SAFE)}"]


def _add_props(g: Graph, subject: URIRef, props: dict[str, Any], skip: Iterable[str] = ()) -> None:
    skipped = set(skip)
    for key, value in props.items():
        if key in skipped or value is None:
            continue
        for v in value if isinstance(value, list) else [value]:
            if v is not None:
                g.add((subject, LT[quote(key, safe="")], _literal(v)))


def build_rdf(
    nodes: Iterable[dict[str, Any]], relationships: Iterable[dict[str, Any]], ont: Ontology | None = None
) -> tuple[Graph, ExportStats]:
    """nodes: {eid, labels, props}; relationships: {type, source, target, props}, endpoints as node eids."""
    ont = ont or load_ontology()
    g = Graph()
    for prefix, ns in (("lt", LT), ("ltd", DATA)):
        g.bind(prefix, ns)
    stats = ExportStats()
    iris: dict[str, URIRef] = {}
    for node in nodes:
        props = dict(node["props"])
        kind = _kind(ont, list(node["labels"]), props)
        key = props.get(ont.key_property(kind) or "id") if kind else None
        if kind is None or key is None:
            stats.skipped_nodes += 1
            continue
        iri = node_iri(ont, kind, str(key))
        iris[node["eid"]] = iri
        g.add((iri, RDF.type, LT[kind]))
        _add_props(g, iri, props)
        stats.nodes += 1
    for rel in relationships:
        info = ont.relations.get(rel["type"])
        s, o = iris.get(rel["source"]), iris.get(rel["target"])
        if info is None or s is None or o is None:
            stats.skipped_relationships += 1
            continue
        pred, props = URIRef(info.iri), dict(rel["props"])
        g.add((s, pred, o))
        stats.relationships += 1
        if info.type == "MENTIONED_IN":
            stats.mentions += _add_mentions(g, s, o, props)
            continue
        stmt = DATA[f"statement/{_h(s, info.type, o)}"]
        g.add((stmt, RDF.type, RDF.Statement))
        g.add((stmt, RDF.subject, s))
        g.add((stmt, RDF.predicate, pred))
        g.add((stmt, RDF.object, o))
        _add_props(g, stmt, props, skip=EVIDENCE_LISTS)
        stats.mentions += _add_evidence(g, stmt, props)
    stats.triples = len(g)
    return g, stats


def _at(values: Any, i: int) -> Any:
    return values[i] if isinstance(values, list) and i < len(values) else None


def _add_mentions(g: Graph, entity: URIRef, doc: URIRef, props: dict[str, Any]) -> int:
    starts = props.get("starts") or []
    conf = props.get("confidence")
    for i, start in enumerate(starts):
        end, text = _at(props.get("ends"), i), _at(props.get("texts"), i)
        m = DATA[f"mention/{_h(entity, doc, start, end, i)}"]
        g.add((m, RDF.type, LT.Mention))
        g.add((m, LT.mentionOf, entity))
        g.add((m, LT.inDocument, doc))
        _add_props(g, m, {"start": start, "end": end, "text": text, "confidence": _at(conf, i) or conf})
        if props.get("extractor_version"):
            _add_props(g, m, {"extractor_version": props["extractor_version"]})
    return len(starts)


def _add_evidence(g: Graph, stmt: URIRef, props: dict[str, Any]) -> int:
    doc_ids = props.get("ev_doc_ids") or []
    for i, doc_id in enumerate(doc_ids):
        m = DATA[f"mention/{_h(stmt, doc_id, i)}"]
        g.add((stmt, LT.evidence, m))
        g.add((m, RDF.type, LT.Mention))
        g.add((m, LT.inDocument, DATA[f"document/{quote(str(doc_id), safe=_SAFE)}"]))
        _add_props(
            g,
            m,
            {
                "start": _at(props.get("ev_starts"), i),
                "end": _at(props.get("ev_ends"), i),
                "text": _at(props.get("ev_snippets"), i),
                "confidence": _at(props.get("ev_confidences"), i),
            },
        )
    return len(doc_ids)


def serialize(g: Graph, fmt: str) -> str:
    """fmt: turtle | jsonld."""
    if fmt == "jsonld":
        context = {"lt": str(LT), "ltd": str(DATA), "rdf": str(RDF), "xsd": str(XSD)}
        return g.serialize(format="json-ld", context=context, indent=2)
    return g.serialize(format="turtle")
