"""The Lantern trafficking ontology: `lantern.ttl` is the source of truth; this package derives
labels, relationship types, keys, schema statements, validation, GraSS and RDF export from it.

The names below are imported on first use (PEP 562), so `from ontology.names import C` (the generated
constants, plain strings) does not load rdflib: a command that only needs a class name starts as fast
as before the constants existed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOME = {
    "DATA": "ontology.loader",
    "LT": "ontology.loader",
    "Ontology": "ontology.loader",
    "load_ontology": "ontology.loader",
    "ClassInfo": "ontology.model",
    "IndividualInfo": "ontology.model",
    "RelationInfo": "ontology.model",
    "upper_snake": "ontology.model",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'ontology' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
