"""The Lantern trafficking ontology: `lantern.ttl` is the source of truth; this package derives
labels, relationship types, keys, schema statements, validation, GraSS and RDF export from it."""

from ontology.loader import DATA, LT, Ontology, load_ontology
from ontology.model import ClassInfo, IndividualInfo, RelationInfo, upper_snake

__all__ = [
    "DATA",
    "LT",
    "ClassInfo",
    "IndividualInfo",
    "Ontology",
    "RelationInfo",
    "load_ontology",
    "upper_snake",
]
