"""Check extraction output against the ontology (plain Python, dictionary lookups).

It lives in the extraction layer: it reads the contract (extraction.models) and the ontology; the
ontology itself imports nothing from extraction.

    errors = validate_result(result)            # list[ValidationError], empty when valid
    clean, errors = clean_result(result)        # drop the offending items, keep the rest
    validate_relation("USES_PHONE", "Person", "Phone")   # raises OntologyViolation when refused
    relation_error("WORKS_FOR", "Person", "City")        # the same check, returns the message or None

Every message names the offending item (document id, entity/relation id, type) and says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from extraction.models import EntityMention, ExtractionResult
from ontology.checks import (
    OntologyViolation,
    _hint,
    entity_type_error,
    relation_error,
    validate_entity_type,
    validate_individual,
    validate_labels,
    validate_relation,
)
from ontology.loader import Ontology, load_ontology
from ontology.names import C, R

__all__ = [
    "OntologyViolation",
    "ValidationError",
    "clean_result",
    "entity_type_error",
    "relation_error",
    "validate_entity_type",
    "validate_individual",
    "validate_labels",
    "validate_relation",
    "validate_result",
]


@dataclass(frozen=True)
class ValidationError:
    doc_id: str
    kind: str
    """entity | relation | role | trafficking_type | indicator | doc_type | span"""
    item_id: str
    type: str
    reason: str

    @property
    def message(self) -> str:
        return f"document {self.doc_id}: {self.kind} {self.item_id} ({self.type}): {self.reason}"

    def __str__(self) -> str:
        return self.message


def _roles(raw: object) -> list[str]:
    """`attributes["roles"]`: a name, {"role": name} or a list of them; capitalised like ingest does."""
    items = raw if isinstance(raw, list) else [raw] if raw else []
    out = []
    for item in items:
        name = (item.get("role") or item.get("type")) if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            out.append(name.strip()[0].upper() + name.strip()[1:])
    return out


def _without_roles(e: EntityMention, bad: set[tuple[str, str]]) -> EntityMention:
    keep = [r for r in _roles(e.attributes.get("roles")) if (e.id, r) not in bad]
    return e.model_copy(update={"attributes": {**e.attributes, "roles": keep}})


def validate_result(result: ExtractionResult, ont: Ontology | None = None) -> list[ValidationError]:
    """Every ontology or span problem in one extraction result (empty list = valid)."""
    ont = ont or load_ontology()
    doc, n = result.id, len(result.text)
    errors: list[ValidationError] = []
    if result.doc_type and not (
        ont.is_class(result.doc_type) and ont.is_subclass(result.doc_type, C.Document)
    ):
        errors.append(
            ValidationError(doc, "doc_type", doc, result.doc_type, "not a Document class in the ontology")
        )
    types: dict[str, str] = {}
    for e in result.entities:
        err = entity_type_error(e.type, ont)
        if err:
            errors.append(ValidationError(doc, "entity", e.id, e.type, err))
        else:
            types[e.id] = e.type
        for role in _roles(e.attributes.get("roles")):
            if not ont.is_individual(role, C.Role):
                hint = _hint(ont, role, ont.individuals(C.Role))
                errors.append(ValidationError(doc, "role", e.id, role, f"not a Role.{hint}"))
            elif e.id in types and not ont.allows(R.HAS_ROLE, e.type, C.Role):
                errors.append(ValidationError(doc, "role", e.id, role, f"{e.type} cannot have a role"))
        if not 0 <= e.start <= e.end <= n:
            errors.append(
                ValidationError(doc, "span", e.id, e.type, f"span {e.start}-{e.end} outside text (0-{n})")
            )
    for r in result.relations:
        missing = [x for x in (r.source, r.target) if x not in types]
        if r.type not in ont.relations:
            err = relation_error(r.type, C.Entity, C.Entity, ont)
        elif missing:
            err = f"source/target {', '.join(missing)} is not a valid entity of this document"
        else:
            err = relation_error(r.type, types[r.source], types[r.target], ont)
            if err:
                err = f"{r.source} -> {r.target}: {err}"
        if err:
            errors.append(ValidationError(doc, "relation", r.id, r.type, err))
    for t in result.classification.trafficking_types:
        if not ont.is_individual(t.type, C.TraffickingType):
            hint = _hint(ont, t.type, ont.individuals(C.TraffickingType))
            errors.append(
                ValidationError(doc, "trafficking_type", t.type, t.type, f"not a TraffickingType.{hint}")
            )
    for i, ind in enumerate(result.classification.indicators):
        if not ont.is_individual(ind.type, C.Indicator):
            hint = _hint(ont, ind.type, ont.individuals(C.Indicator))
            errors.append(
                ValidationError(doc, "indicator", f"indicator[{i}]", ind.type, f"not an Indicator.{hint}")
            )
    return errors


def clean_result(
    result: ExtractionResult, ont: Ontology | None = None
) -> tuple[ExtractionResult, list[ValidationError]]:
    """A copy of `result` without the items that fail validation (and relations touching them)."""
    errors = validate_result(result, ont)
    bad = {(e.kind, e.item_id) for e in errors}
    bad_entities = {i for k, i in bad if k in ("entity", "span")}
    bad_roles = {(e.item_id, e.type) for e in errors if e.kind == "role"}
    entities = [
        e if not any(i == e.id for i, _ in bad_roles) else _without_roles(e, bad_roles)
        for e in result.entities
        if e.id not in bad_entities
    ]
    relations = [
        r
        for r in result.relations
        if ("relation", r.id) not in bad and r.source not in bad_entities and r.target not in bad_entities
    ]
    cls = result.classification.model_copy(
        update={
            "trafficking_types": [
                t for t in result.classification.trafficking_types if ("trafficking_type", t.type) not in bad
            ],
            "indicators": [
                x
                for i, x in enumerate(result.classification.indicators)
                if ("indicator", f"indicator[{i}]") not in bad
            ],
        }
    )
    doc_type = None if ("doc_type", result.id) in bad else result.doc_type
    clean = result.model_copy(
        update={"entities": entities, "relations": relations, "classification": cls, "doc_type": doc_type}
    )
    return clean, errors
