"""Read `ontology/lantern.ttl` with rdflib and expose what the rest of Lantern derives from it.

    from ontology import load_ontology
    ont = load_ontology()
    ont.labels_for("FrontBusiness")  # ['Entity', 'Organization', 'Business', 'FrontBusiness']
    ont.allows("USES_PHONE", "Business", "Phone")  # True (subclass-aware domain/range)

Everything is computed once into plain dicts/sets, so the per-row checks used by ingest are
dictionary lookups, not graph queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ontology.model import ClassInfo, IndividualInfo, RelationInfo, upper_snake

ONTOLOGY_PATH = Path(__file__).resolve().parent / "lantern.ttl"
LT = Namespace("https://lantern.example.org/ontology#")
DATA = Namespace("https://lantern.example.org/id/")
DEFAULT_COLOUR = "#A5ABB6"


def _local(node: Node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]


@dataclass
class Ontology:
    graph: Graph
    classes: dict[str, ClassInfo]
    relations: dict[str, RelationInfo]
    rdf_properties: dict[str, RelationInfo]
    individuals_by_name: dict[str, IndividualInfo]
    _descendants: dict[str, frozenset[str]] = field(default_factory=dict)

    # --- classes -------------------------------------------------------------------------
    def is_class(self, name: str) -> bool:
        return name in self.classes

    def is_graph_label(self, name: str) -> bool:
        """True for classes that become Neo4j labels (not RDF-only ones such as Mention)."""
        info = self.classes.get(name)
        return info is not None and not info.rdf_only

    def graph_labels(self) -> list[str]:
        return sorted(n for n, c in self.classes.items() if not c.rdf_only)

    def labels_for(self, class_name: str) -> list[str]:
        """Neo4j labels of a node whose most specific class is `class_name` (ancestors first)."""
        info = self._require(class_name)
        return [*info.ancestors, info.name]

    def is_subclass(self, name: str, of: str) -> bool:
        """True when `name` is `of` or a (transitive) subclass of it."""
        return name in self._descendants.get(of, frozenset())

    def subclasses(self, name: str) -> list[str]:
        """`name` and all its descendants."""
        return sorted(self._descendants.get(name, frozenset()))

    def entity_classes(self, include_abstract: bool = True) -> list[str]:
        """Every class below Entity (Entity itself excluded)."""
        return sorted(
            n
            for n in self._descendants["Entity"]
            if n != "Entity" and (include_abstract or not self.classes[n].abstract)
        )

    def key_property(self, class_name: str) -> str | None:
        info = self._require(class_name)
        for name in [info.name, *reversed(info.ancestors)]:
            key = self.classes[name].key_property
            if key:
                return key
        return None

    def keyed_classes(self) -> list[str]:
        """Classes that declare their own key property (one uniqueness constraint each)."""
        return sorted(n for n, c in self.classes.items() if c.key_property and not c.rdf_only)

    def classes_under(self, name: str, include_abstract: bool = True) -> frozenset[str]:
        """`name` and all its descendants (optionally without the abstract ones)."""
        return frozenset(
            n
            for n in self._descendants.get(name, frozenset())
            if include_abstract or not self.classes[n].abstract
        )

    def abstract_classes(self) -> frozenset[str]:
        """Classes marked `lt:abstract` (no node is created with them as its most specific class)."""
        return frozenset(n for n, c in self.classes.items() if c.abstract)

    def personal_data_categories(self) -> dict[str, frozenset[str]]:
        """Personal-data category → the classes it covers (the annotated class and its subclasses)."""
        out: dict[str, frozenset[str]] = {}
        for name, info in sorted(self.classes.items()):
            if info.personal_data:
                out[info.personal_data] = out.get(info.personal_data, frozenset()) | self.classes_under(name)
        return out

    def colour(self, class_name: str) -> str:
        """`lt:colour` of the class or of its nearest ancestor that has one."""
        info = self._require(class_name)
        for name in [info.name, *reversed(info.ancestors)]:
            colour = self.classes[name].colour
            if colour:
                return colour
        return DEFAULT_COLOUR

    def colours(self) -> dict[str, str]:
        """Colour of every graph label (what the link chart, the audit report and GraSS use)."""
        return {n: self.colour(n) for n in self.graph_labels()}

    def iri(self, name: str) -> str:
        return str(LT[name])

    # --- relations -----------------------------------------------------------------------
    @property
    def relationship_types(self) -> list[str]:
        return sorted(self.relations)

    def symmetric_types(self) -> frozenset[str]:
        """Relationship types declared `owl:SymmetricProperty` (stored once, either direction reads)."""
        return frozenset(t for t, r in self.relations.items() if r.symmetric)

    def weak_link_types(self) -> frozenset[str]:
        """Relationship types marked `lt:weakLink` (co-occurrence, resolution candidates)."""
        return frozenset(t for t, r in self.relations.items() if r.weak_link)

    def entity_relationship_types(self) -> list[str]:
        """Types whose source is an entity, evidence links (MENTIONED_IN) excepted: what a link chart
        draws and the GraphQL `RelationType` enum lists."""
        entities = self.classes_under("Entity")
        documents = self.classes_under("Document")
        return sorted(
            t for t, r in self.relations.items() if r.domain <= entities and not r.range <= documents
        )

    def is_relationship_type(self, rel_type: str) -> bool:
        return rel_type in self.relations

    def relation(self, rel_type: str) -> RelationInfo:
        try:
            return self.relations[rel_type]
        except KeyError:
            raise KeyError(f"'{rel_type}' is not a relationship type in the ontology") from None

    def relation_named(self, property_name: str) -> RelationInfo:
        """The relationship whose ontology property is `property_name` (camelCase, e.g. `transferredTo`):
        code that needs one type asks by the property, so the Neo4j type is written only in the Turtle."""
        for rel in self.relations.values():
            if rel.name == property_name:
                return rel
        raise KeyError(f"'{property_name}' is not an object property of the ontology")

    def allows(self, rel_type: str, source_class: str, target_class: str) -> bool:
        rel = self.relations.get(rel_type)
        if rel is None or source_class not in self.classes or target_class not in self.classes:
            return False
        return any(self.is_subclass(source_class, d) for d in rel.domain) and any(
            self.is_subclass(target_class, r) for r in rel.range
        )

    # --- individuals ---------------------------------------------------------------------
    def individuals(self, of_class: str) -> list[str]:
        return sorted(n for n, i in self.individuals_by_name.items() if i.of_class == of_class)

    def role_names(self) -> list[str]:
        """Names of the Role individuals (Recruiter, Transporter, ..., Victim)."""
        return self.individuals("Role")

    def individual(self, name: str) -> IndividualInfo:
        return self.individuals_by_name[name]

    def is_individual(self, name: str, of_class: str | None = None) -> bool:
        info = self.individuals_by_name.get(name)
        return info is not None and (of_class is None or info.of_class == of_class)

    def _require(self, class_name: str) -> ClassInfo:
        try:
            return self.classes[class_name]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(class_name, self.classes, n=3)
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise KeyError(f"'{class_name}' is not a class in the ontology.{hint}") from None


def _text(g: Graph, s: Node, p: URIRef) -> str:
    for o in g.objects(s, p):
        if isinstance(o, Literal) and o.language in (None, "en"):
            return str(o)
    return ""


def _texts(g: Graph, s: Node, p: URIRef) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in g.objects(s, p)))


def _flag(g: Graph, s: Node, p: URIRef) -> bool:
    return any(bool(o.toPython()) for o in g.objects(s, p) if isinstance(o, Literal))


def _class_set(g: Graph, node: Node | None) -> frozenset[str]:
    if node is None:
        return frozenset()
    union = g.value(node, OWL.unionOf)
    if union is not None:
        return frozenset(_local(n) for n in Collection(g, union))
    return frozenset({_local(node)})


def parse_ontology(path: Path = ONTOLOGY_PATH) -> Ontology:
    g = Graph()
    g.parse(path, format="turtle")
    ns = str(LT)
    raw: dict[str, URIRef] = {
        _local(c): c
        for c in g.subjects(RDF.type, OWL.Class)
        if isinstance(c, URIRef) and str(c).startswith(ns)
    }
    parents = {
        n: tuple(sorted(_local(p) for p in g.objects(c, RDFS.subClassOf) if _local(p) in raw))
        for n, c in raw.items()
    }

    def ancestors(name: str) -> tuple[str, ...]:
        out: list[str] = []
        for p in parents[name]:
            for a in [*ancestors(p), p]:
                if a not in out:
                    out.append(a)
        return tuple(out)

    classes: dict[str, ClassInfo] = {}
    for n, c in raw.items():
        classes[n] = ClassInfo(
            name=n,
            iri=str(c),
            label=_text(g, c, RDFS.label),
            comment=_text(g, c, RDFS.comment),
            parents=parents[n],
            ancestors=ancestors(n),
            abstract=_flag(g, c, LT.abstract),
            rdf_only=_flag(g, c, LT.rdfOnly),
            key_property=_text(g, c, LT.keyProperty) or None,
            colour=_text(g, c, LT.colour) or None,
            htcds=_text(g, c, LT.htcdsField),
            equivalent=_texts(g, c, OWL.equivalentClass),
            see_also=_texts(g, c, RDFS.seeAlso),
            range_indexes=_texts(g, c, LT.rangeIndex),
            fulltext_index=_text(g, c, LT.fulltextIndex) or None,
            fulltext_properties=_texts(g, c, LT.fulltextProperty),
            personal_data=_text(g, c, LT.personalData) or None,
            ftm_schema=_text(g, c, LT.ftmSchema) or None,
            ftm_property=_text(g, c, LT.ftmProperty) or None,
            ftm_mention_property=_text(g, c, LT.ftmMentionProperty) or None,
            ftm_value_property=_text(g, c, LT.ftmValueProperty) or None,
            ftm_skip=_text(g, c, LT.ftmSkip) or None,
        )
    descendants = {n: frozenset(m for m in classes if m == n or n in classes[m].ancestors) for n in classes}

    relations: dict[str, RelationInfo] = {}
    rdf_props: dict[str, RelationInfo] = {}
    for p in g.subjects(RDF.type, OWL.ObjectProperty):
        if not str(p).startswith(ns):
            continue
        name = _local(p)
        info = RelationInfo(
            type=_text(g, p, LT.neo4jType) or upper_snake(name),
            name=name,
            iri=str(p),
            label=_text(g, p, RDFS.label),
            comment=_text(g, p, RDFS.comment),
            domain=_class_set(g, g.value(p, RDFS.domain)),
            range=_class_set(g, g.value(p, RDFS.range)),
            symmetric=(p, RDF.type, OWL.SymmetricProperty) in g,
            evidence_exempt=_flag(g, p, LT.evidenceExempt),
            weak_link=_flag(g, p, LT.weakLink),
            htcds=_text(g, p, LT.htcdsField),
            ftm_schema=_text(g, p, LT.ftmSchema) or None,
            ftm_property=_text(g, p, LT.ftmProperty) or None,
        )
        (rdf_props if _flag(g, p, LT.rdfOnly) else relations)[info.type] = info

    individuals: dict[str, IndividualInfo] = {}
    for i in g.subjects(RDF.type, OWL.NamedIndividual):
        of = [_local(t) for t in g.objects(i, RDF.type) if _local(t) in classes]
        if not of:
            continue
        individuals[_local(i)] = IndividualInfo(
            name=_local(i),
            iri=str(i),
            of_class=of[0],
            label=_text(g, i, RDFS.label),
            comment=_text(g, i, RDFS.comment),
            htcds=_text(g, i, LT.htcdsField),
        )
    return Ontology(g, classes, relations, rdf_props, individuals, descendants)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The Lantern ontology, parsed once per process."""
    return parse_ontology()
