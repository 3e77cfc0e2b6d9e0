"""The Lantern ⇄ FollowTheMoney mapping, read from the ontology (`lt:ftmSchema`, `lt:ftmProperty`,
`lt:ftmMentionProperty`, `lt:ftmSkip` in ontology/lantern.ttl) and checked against the followthemoney model.

* a class with an FtM schema becomes an FtM entity (its subclasses inherit the schema);
* a class FtM models as a value (Phone, Email, Website; the Role/Indicator/TraffickingType vocabulary)
  becomes a property of the entities that use or cite it;
* a relationship with an FtM schema becomes an interval entity (UnknownLink, Employment, Ownership,
  Associate, Documentation, Payment ...) whose `role` (or `relationship`) holds the ontology label;
* a relationship with an FtM property becomes that property of its source entity.

:func:`mapping_problems` lists every class or relationship without a usable mapping: a test fails on it,
so a new class or relationship is never dropped from the export silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from followthemoney import model
from followthemoney.schema import Schema
from followthemoney.util import make_entity_id as make_id

from ontology import load_ontology
from ontology.loader import Ontology

KIND_PREFIX = "lantern:kind="
"""`keywords` value that records a node's Lantern class, so a round trip restores the exact kind."""
LINK_PREFIX = "lantern:"
"""`keywords` value `lantern:TYPE>Kind:value` (outgoing) or `lantern:TYPE<Kind:value` (incoming): a link to a
value node that FtM cannot hold in a typed property (e.g. a phone number libphonenumber calls unassigned)."""
ID_PREFIX = "lantern:id="
"""`keywords` value holding the node's Lantern id (FtM ids allow only letters, digits, `-` and `.`)."""
ROLE_PROPERTIES = ("role", "relationship", "purpose")
# FollowTheMoney's own schemata (FtM's vocabulary, not Lantern's, although the names coincide): where an
# identifier's value property and its mention property must exist
FTM_PERSON = "Person"  # not-vocabulary: FollowTheMoney schema name
FTM_DOCUMENT = "Document"  # not-vocabulary: FollowTheMoney schema name


def ftm_id(lantern_id: str) -> str:
    """The FtM id of a Lantern node: a stable digest (FtM's own `make_id`), the Lantern id in keywords."""
    return str(make_id("lantern", lantern_id))


@dataclass(frozen=True)
class ClassMap:
    name: str
    schema: str | None
    value_property: str | None
    mention_property: str | None
    skip: str | None
    value_field: str | None = None


@dataclass(frozen=True)
class RelationMap:
    type: str
    label: str
    schema: str | None
    property: str | None
    source_prop: str | None = None
    target_prop: str | None = None
    role_prop: str | None = None
    reversed: bool = False
    """True when the FtM edge runs the other way (Documentation: document → entity for MENTIONED_IN)."""


def _declared(ont: Ontology, name: str, attr: str) -> str | None:
    info = ont.classes[name]
    for cls in [info.name, *reversed(info.ancestors)]:
        value = getattr(ont.classes[cls], attr)
        if value:
            return str(value)
    return None


@lru_cache(maxsize=256)
def class_map(name: str) -> ClassMap:
    return _class_map(load_ontology(), name)


def _class_map(ont: Ontology, name: str) -> ClassMap:
    return ClassMap(
        name,
        _declared(ont, name, "ftm_schema"),
        _declared(ont, name, "ftm_property"),
        _declared(ont, name, "ftm_mention_property"),
        _declared(ont, name, "ftm_skip"),
        _declared(ont, name, "ftm_value_property"),
    )


def _fits(ont: Ontology, classes: frozenset[str], prop_range: Schema | None) -> bool:
    schemas = [model.get(_class_map(ont, c).schema or "") for c in classes if _class_map(ont, c).schema]
    return prop_range is not None and any(s is not None and s.is_a(prop_range) for s in schemas)


@lru_cache(maxsize=256)
def relation_map(rel_type: str) -> RelationMap:
    return _relation_map(load_ontology(), rel_type)


def _relation_map(ont: Ontology, rel_type: str) -> RelationMap:
    rel = ont.relation(rel_type)
    if not rel.ftm_schema:
        return RelationMap(rel_type, rel.label, None, rel.ftm_property)
    schema = model.get(rel.ftm_schema)
    if schema is None or not schema.edge:
        return RelationMap(rel_type, rel.label, rel.ftm_schema, None)
    src, dst = schema.edge_source, schema.edge_target
    domain = frozenset(c for d in rel.domain for c in ont.subclasses(d))
    range_ = frozenset(c for r in rel.range for c in ont.subclasses(r))
    src_prop = schema.get(src) if src else None
    src_range = src_prop.range if src_prop is not None else None
    reverse = not _fits(ont, domain, src_range) and _fits(ont, range_, src_range)
    role = next((p for p in ROLE_PROPERTIES if p in schema.properties), None)
    return RelationMap(rel_type, rel.label, schema.name, None, src, dst, role, reverse)


FTM_NS = "https://w3id.org/ftm#"


def schema_kinds() -> dict[str, str]:
    """FtM schema → the Lantern class an entity of a foreign FtM file becomes: the class the ontology
    declares `owl:equivalentClass ftm:<schema>` (BankAccount, Address ...), else the most general class
    that declares the schema with lt:ftmSchema (Company → Business, UserAccount → SocialHandle)."""
    ont = load_ontology()
    out: dict[str, str] = {}
    for name in sorted(ont.classes, key=lambda n: (len(ont.classes[n].ancestors), n)):
        declared = ont.classes[name].ftm_schema
        if declared and declared not in out:
            out[declared] = name
    for name, info in sorted(ont.classes.items()):
        for iri in info.equivalent:
            if iri.startswith(FTM_NS) and model.get(iri[len(FTM_NS) :]) is not None:
                out[iri[len(FTM_NS) :]] = name
    return out


def value_property_kinds() -> dict[str, str]:
    """FtM value property (phone, email, website) → the identifier class it holds."""
    ont = load_ontology()
    return {
        c.ftm_property: n
        for n, c in sorted(ont.classes.items())
        if c.ftm_property and c.ftm_property != "keywords" and not c.abstract
    }


def property_relations() -> dict[str, str]:
    """FtM value property → the relationship type written as it (phone → USES_PHONE)."""
    ont = load_ontology()
    return {
        r.ftm_property: t
        for t, r in sorted(ont.relations.items())
        if r.ftm_property not in (None, "keywords")
    }


def interval_relations() -> dict[tuple[str, str], str]:
    """(FtM interval schema, role label) → relationship type."""
    out: dict[tuple[str, str], str] = {}
    for rel_type in load_ontology().relationship_types:
        m = relation_map(rel_type)
        if m.schema:
            out[(m.schema, m.label)] = rel_type
    return out


def _end_problems(ont: Ontology, rel_type: str, m: RelationMap, schema: Schema) -> list[str]:
    """Each end's FtM schema must fit the interval's property range (Payment.payer is a LegalEntity, not
    a BankAccount); ends FtM models as values (phones) travel as keywords and are not checked."""
    rel = ont.relation(rel_type)
    ends = (rel.range, rel.domain) if m.reversed else (rel.domain, rel.range)
    out = []
    for prop_name, classes in zip((m.source_prop, m.target_prop), ends, strict=True):
        prop = schema.get(prop_name) if prop_name else None
        for cls in sorted(c for d in classes for c in ont.subclasses(d)):
            cm = _class_map(ont, cls)
            target = model.get(cm.schema) if cm.schema else None
            if (
                prop is not None
                and prop.range is not None
                and target is not None
                and not target.is_a(prop.range)
            ):
                out.append(f"relationship {rel_type}: {cls} is FtM {target.name}, not a {prop.range.name} "
                           f"({schema.name}.{prop_name})")  # fmt: skip
    return out


def mapping_problems(ont: Ontology | None = None) -> list[str]:
    """Every class or relationship the FtM export could not carry, and every FtM name the model lacks."""
    ont = ont or load_ontology()
    problems: list[str] = []
    for name, info in sorted(ont.classes.items()):
        if info.rdf_only or info.abstract:
            continue
        cm = _class_map(ont, name)
        if not (cm.schema or cm.value_property or cm.skip):
            problems.append(
                f"class {name}: no lt:ftmSchema, lt:ftmProperty or lt:ftmSkip in ontology/lantern.ttl"
            )
        found = model.get(cm.schema) if cm.schema else None
        if cm.schema and (found is None or found.abstract):
            problems.append(f"class {name}: '{cm.schema}' is not a concrete FtM schema")
        elif found is not None and cm.value_field and cm.value_field not in found.properties:
            problems.append(f"class {name}: FtM {found.name} has no property '{cm.value_field}'")
        for prop, where in ((cm.value_property, FTM_PERSON), (cm.mention_property, FTM_DOCUMENT)):
            if prop and prop not in model.schemata[where].properties:
                problems.append(f"class {name}: FtM {where} has no property '{prop}'")
    seen: dict[tuple[str, str], str] = {}
    for rel_type in ont.relationship_types:
        m = _relation_map(ont, rel_type)
        if not (m.schema or m.property):
            problems.append(
                f"relationship {rel_type}: no lt:ftmSchema or lt:ftmProperty in ontology/lantern.ttl"
            )
            continue
        if m.schema:
            schema = model.get(m.schema)
            if schema is None or not schema.edge or not m.role_prop:
                problems.append(
                    f"relationship {rel_type}: '{m.schema}' is not an FtM edge schema with a role"
                )
                continue
            problems += _end_problems(ont, rel_type, m, schema)
            if (m.schema, m.label) in seen:
                problems.append(
                    f"relationship {rel_type}: same FtM schema and label as {seen[(m.schema, m.label)]}"
                )
            seen[(m.schema, m.label)] = rel_type
        elif m.property and m.property not in model.schemata["LegalEntity"].properties:
            problems.append(f"relationship {rel_type}: FtM LegalEntity has no property '{m.property}'")
    return problems
