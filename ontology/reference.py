"""Markdown reference tables generated from the ontology (pasted into docs/readme/03-ontology.md;
a unit test fails when the README table drifts from the Turtle)."""

from __future__ import annotations

from ontology.loader import Ontology, load_ontology

_PREFIXES = {
    "https://w3id.org/ftm#": "ftm:",
    "https://schema.org/": "schema:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://www.w3.org/ns/prov#": "prov:",
}


def _curie(iri: str) -> str:
    for ns, prefix in _PREFIXES.items():
        if iri.startswith(ns):
            return prefix + iri[len(ns) :]
    return iri


def _alignment(ont: Ontology, name: str) -> str:
    info = ont.classes[name]
    eq = [f"≡ {_curie(i)}" for i in info.equivalent]
    see = [_curie(i) for i in info.see_also if _curie(i) != i]
    return ", ".join(eq + see)


def class_table(ont: Ontology | None = None) -> str:
    """Class | Neo4j labels | alignment (≡ owl:equivalentClass, others rdfs:seeAlso) | HTCDS field."""
    ont = ont or load_ontology()
    lines = ["| class | Neo4j labels | FtM / schema.org / FOAF | HTCDS field |", "|---|---|---|---|"]
    order = sorted(ont.classes, key=lambda n: ([*ont.classes[n].ancestors, n], n))
    for name in order:
        labels = "—" if ont.classes[name].rdf_only else ":" + ":".join(ont.labels_for(name))
        lines.append(f"| {name} | {labels} | {_alignment(ont, name)} | {ont.classes[name].htcds or '—'} |")
    return "\n".join(lines)


def individuals_table(ont: Ontology | None = None) -> str:
    ont = ont or load_ontology()
    lines = ["| class | individual (node id) | name | HTCDS value |", "|---|---|---|---|"]
    for cls in ("TraffickingType", "Indicator", "Role"):
        for name in ont.individuals(cls):
            info = ont.individual(name)
            lines.append(f"| {cls} | {name} | {info.label} | {info.htcds or '—'} |")
    return "\n".join(lines)


def relation_table(ont: Ontology | None = None) -> str:
    ont = ont or load_ontology()
    lines = ["| type | property | domain → range | meaning |", "|---|---|---|---|"]
    for t in ont.relationship_types:
        r = ont.relation(t)
        dom, rng = " or ".join(sorted(r.domain)), " or ".join(sorted(r.range))
        lines.append(f"| {t} | lt:{r.name} | {dom} → {rng} | {r.comment} |")
    return "\n".join(lines)
