"""GraphQL output types. Values are already masked by `api.graphql.present.Presenter`."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.types import Info

from graph.analytics.risk import scale_text
from ontology import load_ontology
from ontology.names import C

_ONT = load_ontology()
RISK_SCALE = "Risk score. " + scale_text()
RELATION_TYPES = _ONT.entity_relationship_types()
"""The `RelationType` enum, generated from the ontology (lantern.ttl)."""
RelationType = strawberry.enum(Enum("RelationType", {n: n for n in RELATION_TYPES}))  # type: ignore[call-overload]
DEFAULT_NEIGHBOURHOOD_TYPES = [n for n in RELATION_TYPES if n not in _ONT.weak_link_types()]
ENTITY_KINDS = _ONT.classes_under(C.Entity)
"""Class names `search(types:)` accepts."""


@strawberry.type
class PageInfo:
    offset: int
    limit: int
    has_more: bool


@strawberry.type(description="One piece of evidence: a span of a document and the text around it.")
class Evidence:
    document_id: str
    start: int | None
    end: int | None
    snippet: str | None
    confidence: float | None

    @strawberry.field(deprecation_reason="Use documentId.")
    def doc_id(self) -> str:
        return self.document_id


@strawberry.type(description="Where an entity is mentioned: a document, its spans and their snippets.")
class Mention:
    document_id: str
    title: str | None
    published: str | None
    confidence: float | None
    spans: list[Evidence]


@strawberry.type(
    description="A node of the graph. Personal fields are masked for roles not allowed to see them."
)
class Entity:
    id: str
    kind: str
    labels: list[str]
    name: str | None
    value: str | None
    aliases: list[str]
    caption: str
    masked: bool
    doc_count: int | None
    mention_count: int | None
    first_seen: str | None
    last_seen: str | None
    network_id: int | None
    community_id: int | None
    pagerank: float | None
    betweenness: float | None
    risk_score: float | None = strawberry.field(description=RISK_SCALE)
    risk_reasons: list[str] = strawberry.field(
        description="One line per fact behind riskScore, with the sentence that states it and its points "
        "(+n)."
    )
    analysis_run_id: str | None
    lat: float | None = strawberry.field(description="Latitude (WGS84) of a location; null otherwise.")
    lon: float | None = strawberry.field(description="Longitude (WGS84) of a location; null otherwise.")
    country_code: str | None = strawberry.field(
        description="ISO 3166-1 alpha-2 country code of a location; null otherwise."
    )
    coordinates_from: str | None = strawberry.field(
        default=None,
        description="Where lat/lon come from when they are not the place's own: 'city of the address: "
        "Berlin' for an address placed at its city. Null for a gazetteer place or without coordinates.",
    )
    real_id: strawberry.Private[str]

    @strawberry.field(description="Documents mentioning this entity, with spans and snippets (paged).")
    async def evidence(self, info: Info, limit: int = 20, offset: int = 0) -> list[Mention]:
        from api.graphql.resolvers import entity_evidence

        return await entity_evidence(info.context, self.real_id, limit, offset)


@strawberry.type(description="A relationship with its evidence (first items; see evidenceCount).")
class Edge:
    id: str
    type: str
    source: str
    target: str
    confidence: float | None
    doc_count: int | None
    evidence_count: int | None
    reason: str | None
    evidence: list[Evidence]


@strawberry.type
class SearchHit:
    entity: Entity
    score: float
    matched: str = strawberry.field(
        description="'exact' (the identifier or id itself, normalised) or 'fulltext' (similar words, digits)"
    )


@strawberry.type
class SearchResult:
    hits: list[SearchHit]
    page_info: PageInfo
    normalised: str | None = strawberry.field(
        description="The normalised identifier searched for: E.164 for a phone (also when only the stored "
        "number's national digits matched), lower case for an e-mail; null for other text"
    )
    exact_match: bool = strawberry.field(
        default=False, description="True when at least one hit is the searched identifier or id itself"
    )
    note: str | None = strawberry.field(
        default=None,
        description="Said when the text names an identifier that is not in the graph ('no exact match')",
    )


@strawberry.type(description="Nodes and edges ready for a link chart.")
class Graph:
    nodes: list[Entity]
    edges: list[Edge]
    truncated: bool


@strawberry.type
class Path:
    hops: int
    nodes: list[Entity]
    edges: list[Edge]


@strawberry.type
class SharedIdentifier:
    identifier: Entity
    users: list[Entity]
    document_ids: list[str]


@strawberry.type(description="A network (connected component) or community from the last analytics run.")
class Group:
    id: int
    kind: str
    size: int
    members: list[Entity]
    key_players: list[Entity]
    linking_identifiers: list[SharedIdentifier]
    page_info: PageInfo


@strawberry.type
class ExposurePath:
    hops: int
    target: Entity
    target_roles: list[str]
    nodes: list[Entity]
    edges: list[Edge]


@strawberry.type
class ExposureDocument:
    document_id: str
    title: str | None
    published: str | None
    trafficking_types: list[str]
    incidents: list[str]
    indicators: list[str]


@strawberry.type(
    description="For auditors: how a business connects to trafficking-linked entities or incidents."
)
class BusinessExposure:
    business: Entity
    exposed: bool
    paths: list[ExposurePath]
    documents: list[ExposureDocument]
    explanation: list[str]


@strawberry.type
class Hotspot:
    location: Entity
    events: int
    persons: int
    event_types: list[str]
    doc_count: int


@strawberry.type
class Route:
    origin: Entity
    destination: Entity
    via: list[Entity]
    persons: int
    document_ids: list[str]


@strawberry.type(
    description="A movement that makes no route on the map, and why (counts of persons, not names)."
)
class RouteGap:
    reason: str = strawberry.field(
        description="e.g. 'movement mentioned without an origin': the documents name where the person was "
        "taken to (or through) but not where the journey started."
    )
    fact: str = strawberry.field(description="TRANSPORTED_FROM, TRANSPORTED_VIA or TRANSPORTED_TO.")
    place: Entity
    persons: int
    document_ids: list[str]


@strawberry.type
class Document:
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    kind: str | None
    ingested_at: str | None
    extractor_version: str | None
    entity_count: int
    trafficking_types: list[str]
    indicators: list[str]


@strawberry.type
class DocumentPage:
    documents: list[Document]
    page_info: PageInfo


@strawberry.type
class AnalysisRun:
    id: str
    algorithms: list[str]
    parameters: str | None
    node_count: int | None
    relationship_count: int | None
    started_at: str | None
    duration_ms: int | None


@strawberry.type
class AuditEntry:
    id: int
    at: str
    key_name: str
    role: str
    operation: str
    entity_ids: list[str]
    fields: list[str]
    details: list[str] = strawberry.field(
        description="What the operation did besides reading (a merge: its id, reason, result), JSON texts."
    )


@strawberry.type
class Me:
    key_name: str
    role: str
    masked_categories: list[str]


@strawberry.input
class DocumentInput:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None


@strawberry.type
class DocumentIngestResult:
    id: str
    ok: bool
    error: str | None
    entities: int
    relations: int


@strawberry.type
class IngestReport:
    documents: list[DocumentIngestResult]


@strawberry.type(description="Outcome of a merge or split (ids as the caller's role may see them).")
class ResolutionResult:
    merge_id: str
    survivor: str | None
    ids: list[str] = strawberry.field(description="merge: absorbed ids; split: restored ids")
    stale_documents: list[str]
    message: str
