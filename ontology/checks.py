"""Per-row ontology checks for ingest (plain Python, dictionary lookups; microseconds per call).

validate_relation("USES_PHONE", "Person", "Phone")   # raises OntologyViolation when refused
relation_error("WORKS_FOR", "Person", "City")        # the same check, returns the message or None
"""

from __future__ import annotations

from ontology.loader import Ontology, load_ontology


class OntologyViolation(ValueError):
    """A type, label or relationship the ontology does not allow; the message names it."""


def _hint(ont: Ontology, name: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, choices, n=2)
    return f" Did you mean {' or '.join(close)}?" if close else ""


def entity_type_error(name: str, ont: Ontology | None = None) -> str | None:
    """Why `name` cannot be an entity type, or None when it is a concrete Entity subclass."""
    ont = ont or load_ontology()
    info = ont.classes.get(name)
    if info is None:
        hint = _hint(ont, name, ont.entity_classes())
        return f"unknown entity type '{name}': not a class in the ontology.{hint}"
    if not ont.is_subclass(name, "Entity") or name == "Entity":
        return f"'{name}' is an ontology class but not an Entity subclass"
    if info.abstract:
        return f"'{name}' is abstract; use one of its subclasses ({', '.join(ont.subclasses(name)[:6])})"
    return None


def relation_error(
    rel_type: str, source_class: str, target_class: str, ont: Ontology | None = None
) -> str | None:
    """Why (source_class)-[rel_type]->(target_class) is refused, or None when the ontology allows it."""
    ont = ont or load_ontology()
    rel = ont.relations.get(rel_type)
    if rel is None:
        hint = _hint(ont, rel_type, ont.relationship_types)
        return f"unknown relationship type '{rel_type}': not in the ontology.{hint}"
    for cls in (source_class, target_class):
        if cls not in ont.classes:
            return f"unknown class '{cls}' in {rel_type}.{_hint(ont, cls, list(ont.classes))}"
    if not any(ont.is_subclass(source_class, d) for d in rel.domain):
        return f"{rel_type} cannot start at {source_class} (domain: {' or '.join(sorted(rel.domain))})"
    if not any(ont.is_subclass(target_class, r) for r in rel.range):
        return f"{rel_type} cannot end at {target_class} (range: {' or '.join(sorted(rel.range))})"
    return None


def validate_entity_type(name: str, item: str = "") -> None:
    """Raise OntologyViolation unless `name` is a concrete Entity class; `item` names the row."""
    err = entity_type_error(name)
    if err:
        raise OntologyViolation(f"{item}: {err}" if item else err)


def validate_relation(rel_type: str, source_class: str, target_class: str, item: str = "") -> None:
    """Raise OntologyViolation unless the ontology allows this relationship between these classes."""
    err = relation_error(rel_type, source_class, target_class)
    if err:
        raise OntologyViolation(f"{item}: {err}" if item else err)


def validate_labels(labels: list[str], item: str = "") -> None:
    """Raise OntologyViolation when a label is not a graph label of the ontology (before `$(labels)`)."""
    ont = load_ontology()
    bad = [label for label in labels if not ont.is_graph_label(label)]
    if bad:
        msg = f"labels not in the ontology: {', '.join(bad)}"
        raise OntologyViolation(f"{item}: {msg}" if item else msg)


def validate_individual(name: str, of_class: str, item: str = "") -> None:
    """Raise unless `name` is an ontology individual of `of_class` (TraffickingType, Indicator, Role)."""
    ont = load_ontology()
    if not ont.is_individual(name, of_class):
        msg = f"unknown {of_class} '{name}'.{_hint(ont, name, ont.individuals(of_class))}"
        raise OntologyViolation(f"{item}: {msg}" if item else msg)
