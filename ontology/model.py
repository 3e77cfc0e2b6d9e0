"""Plain data about the ontology's classes, relationships and individuals (built by ontology/loader.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ClassInfo:
    name: str
    iri: str
    label: str
    comment: str
    parents: tuple[str, ...]
    ancestors: tuple[str, ...]
    """Root first, excluding the class itself."""
    abstract: bool = False
    rdf_only: bool = False
    key_property: str | None = None
    colour: str | None = None
    htcds: str = ""
    equivalent: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    range_indexes: tuple[str, ...] = ()
    fulltext_index: str | None = None
    fulltext_properties: tuple[str, ...] = ()
    personal_data: str | None = None
    """`lt:personalData`: the personal-data category of this class and its subclasses."""
    ftm_schema: str | None = None
    """`lt:ftmSchema`: the FollowTheMoney schema of this class's nodes (declared here, not inherited)."""
    ftm_property: str | None = None
    """`lt:ftmProperty`: FtM models the nodes as this value property of their users."""
    ftm_mention_property: str | None = None
    """`lt:ftmMentionProperty`: the FtM Document property that records a mention of the value."""
    ftm_value_property: str | None = None
    """`lt:ftmValueProperty`: the FtM property holding the node's value (accountNumber, username ...)."""
    ftm_skip: str | None = None
    """`lt:ftmSkip`: why the class is not exported to FtM."""


@dataclass(frozen=True)
class RelationInfo:
    type: str
    """Neo4j relationship type, UPPER_SNAKE."""
    name: str
    """Ontology property local name (camelCase)."""
    iri: str
    label: str
    comment: str
    domain: frozenset[str]
    range: frozenset[str]
    symmetric: bool = False
    evidence_exempt: bool = False
    weak_link: bool = False
    """Co-occurrence or a resolution candidate, not a stated fact: left out of link charts by default."""
    htcds: str = ""
    ftm_schema: str | None = None
    """`lt:ftmSchema`: the FtM interval schema an edge of this type becomes."""
    ftm_property: str | None = None
    """`lt:ftmProperty`: the edge is written as this property of the FtM source entity."""


@dataclass(frozen=True)
class IndividualInfo:
    name: str
    iri: str
    of_class: str
    label: str
    comment: str
    htcds: str = ""


def upper_snake(name: str) -> str:
    """camelCase property name -> UPPER_SNAKE relationship type (usesPhone -> USES_PHONE)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()
