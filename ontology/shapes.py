"""SHACL shapes generated from the ontology, checked with pyshacl on RDF (the export, or partner data).

The fast per-row checks are plain Python (ontology/checks.py, extraction/validate.py); SHACL is the
cleaner tool for a whole RDF graph: every relationship's subject/object class (domain/range,
subclass-aware through the ontology mixed in), every entity/document has its key, every Mention has
one document and a span.
"""

from __future__ import annotations

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from ontology.loader import LT, Ontology, load_ontology

LTSH = Namespace("https://lantern.example.org/shapes#")


def _class_or(g: Graph, classes: frozenset[str]) -> BNode:
    items: list[Node] = []
    for c in sorted(classes):
        b = BNode()
        g.add((b, SH["class"], LT[c]))
        items.append(b)
    head = BNode()
    Collection(g, head, items)
    return head


def _prop(g: Graph, shape: URIRef, path: URIRef, **constraints: object) -> BNode:
    p = BNode()
    g.add((shape, SH.property, p))
    g.add((p, SH.path, path))
    for key, value in constraints.items():
        g.add((p, SH[key], value if isinstance(value, URIRef | BNode | Literal) else Literal(value)))
    return p


def shapes_graph(ont: Ontology | None = None) -> Graph:
    ont = ont or load_ontology()
    g = Graph()
    g.bind("sh", SH)
    g.bind("lt", LT)
    g.bind("ltsh", LTSH)
    for rel in ont.relations.values():
        shape = LTSH[f"{rel.name}Shape"]
        pred = URIRef(rel.iri)
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetSubjectsOf, pred))
        g.add((shape, SH["or"], _class_or(g, rel.domain)))
        g.add((shape, SH.message, Literal(f"{rel.type}: subject must be {' or '.join(sorted(rel.domain))}")))
        p = _prop(g, shape, pred, message=f"{rel.type}: object must be {' or '.join(sorted(rel.range))}")
        g.add((p, SH["or"], _class_or(g, rel.range)))
    for cls in ont.keyed_classes():
        if ont.individuals(cls):  # typology individuals are identified by their ontology IRI
            continue
        shape = LTSH[f"{cls}KeyShape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, LT[cls]))
        _prop(g, shape, LT.id, minCount=1, maxCount=1, message=f"every {cls} has exactly one lt:id")
    mention = LTSH.MentionShape
    g.add((mention, RDF.type, SH.NodeShape))
    g.add((mention, SH.targetClass, LT.Mention))
    _prop(
        g,
        mention,
        LT.inDocument,
        minCount=1,
        maxCount=1,
        nodeKind=SH.IRI,
        message="a Mention names one document",
    )
    for key in ("start", "end"):
        _prop(
            g, mention, LT[key], maxCount=1, datatype=XSD.integer, message=f"a Mention's {key} is one integer"
        )
    _prop(g, mention, LT.confidence, maxCount=1, datatype=XSD.double, message="confidence is one number")
    return g


def validate_rdf(data: Graph, ont: Ontology | None = None) -> tuple[bool, list[str]]:
    """(conforms, messages): one message per violation, naming the focus node."""
    from pyshacl import validate

    ont = ont or load_ontology()
    conforms, report, _ = validate(data, shacl_graph=shapes_graph(ont), ont_graph=ont.graph, inference="none")
    messages = []
    if not conforms:
        assert isinstance(report, Graph)
        for result in report.subjects(RDF.type, SH.ValidationResult):
            focus = report.value(result, SH.focusNode)
            messages.append(f"{focus}: {report.value(result, SH.resultMessage)}")
    return bool(conforms), sorted(messages)
