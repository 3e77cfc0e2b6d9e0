"""One `ExtractionResult` → a validated `PreparedDoc` (no database): ontology checks and entity keys.

Anything wrong with a document (unknown entity class, relation the ontology does not allow, span out
of range, unparsable identifier, ...) raises `DocumentError` with a reason; the caller reports the
document id and goes on. People get only their name base here: which node they join is decided in the
write transaction (`graph.resolve_people`), where the graph's current state is visible.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from extraction.models import EntityMention, ExtractionResult
from graph.ingest.guard import guard_document, guarded_roots
from graph.ingest.office import OFFICIAL, drop_contact_links, office_of, official_key
from graph.ingest.ontology_view import OntologyView
from graph.ingest.snippets import Sentences
from graph.resolve_keys import (
    KeyError_,
    Resolved,
    identifier_key,
    is_business,
    location_key,
    organization_key,
    person_base,
)
from ontology.names import C, R

ENTITY_PROPS = ("age", "country_code", "lat", "lon", "geonameid", "geo_basis")


class DocumentError(ValueError):
    """This document cannot be ingested; the message is the reason shown to the user."""


@dataclass
class EntityInfo:
    kind: str
    labels: tuple[str, ...]
    name: str
    value: str
    variants: tuple[str, ...]
    props: dict[str, Any]


@dataclass
class PreparedDoc:
    result: ExtractionResult
    content_hash: str | None
    """sha256 of the whole record (`content_hash`). None until needed for a document the graph does not have
    yet: the skip check has no use for it, so the writer computes it (`hash()`) while the server writes the
    batch's mentions, and stores it with ingest/set_content_hashes in the same transaction."""
    labels: tuple[str, ...]
    kind: str
    keys: dict[str, str] = field(default_factory=dict)
    """mention id → entity key (people: filled in by the writer)."""
    info: dict[str, EntityInfo] = field(default_factory=dict)
    person_bases: dict[str, str] = field(default_factory=dict)
    """mention id → person name base, for non-`ref` Person mentions."""
    refs: dict[str, str] = field(default_factory=dict)
    official_bases: dict[str, str] = field(default_factory=dict)
    """mention id → person name base, for officials keyed per office (`official_key`)."""
    rejected: Counter[str] = field(default_factory=Counter)
    """Mentions the guard at the graph's door dropped, per reason (`graph.ingest.guard`)."""
    office: str | None = None
    """Where the document comes from (`graph.ingest.office.office_of`)."""
    contact_links: int = 0
    """Relations dropped because they link a contact identifier (press line, hotline)."""
    source_hash: str | None = None
    """Hash of the raw document + extractor version (raw input only): lets a re-run skip extraction."""
    roles: dict[str, list[str]] = field(default_factory=dict)
    """mention id → its ontology Role names (mentions with roles only)."""
    snippets: dict[tuple[int, int], str] = field(default_factory=dict)
    """(start, end) → evidence snippet, made on first use: the writer builds the fact rows (the only ones
    with snippets) while the server merges the batch's entities, so they cost no time of their own."""
    _sentences: Sentences | None = field(default=None, repr=False, compare=False)

    def snippet(self, start: int, end: int) -> str:
        found = self.snippets.get((start, end))
        if found is None:
            if self._sentences is None:
                self._sentences = Sentences(self.result.text)
            found = self.snippets[(start, end)] = self._sentences.around(start, end)
        return found

    def hash(self) -> str:
        """`content_hash`, computed now if it was left for later."""
        if self.content_hash is None:
            self.content_hash = content_hash(self.result)
        return self.content_hash

    @property
    def id(self) -> str:
        return self.result.id


def content_hash(result: ExtractionResult) -> str:
    """sha256 of the whole extraction record (text, metadata, extractor version and findings)."""
    return hashlib.sha256(result.model_dump_json().encode("utf-8")).hexdigest()


def _check_span(doc: ExtractionResult, what: str, start: int, end: int) -> None:
    if not (0 <= start <= end <= len(doc.text)):
        raise DocumentError(f"{what}: span [{start}, {end}) is outside the text (length {len(doc.text)})")


def _business_places(
    doc: ExtractionResult, by_id: dict[str, EntityMention], onto: OntologyView
) -> dict[str, str]:
    """Business mention id → place named by the document (attribute `location` or a LOCATED_IN relation)."""
    places: dict[str, str] = {}
    for rel in doc.relations:
        src, dst = by_id.get(rel.source), by_id.get(rel.target)
        if (
            rel.type == R.LOCATED_IN
            and src
            and dst
            and is_business(src.type)
            and onto.is_a(dst.type, C.Location)
        ):
            places.setdefault(src.id, dst.value or dst.text)
    for m in doc.entities:
        loc = m.attributes.get("location")
        if is_business(m.type) and isinstance(loc, str) and loc.strip():
            places[m.id] = loc
    return places


_NO_PROPS = ((None,) * len(ENTITY_PROPS), (type(None),) * len(ENTITY_PROPS))
MEMO_MAX = 20_000
"""Entries kept in `OntologyView.mention_memo` (cleared when full; ≈ 1-2 KB each): the bench corpus and the
2,000 generated documents together need 3,747, and a long-running API process stays within ~40 MB."""


def _entity(m: EntityMention, onto: OntologyView, place: str | None, region: str) -> tuple[EntityInfo, str]:
    """What the graph shows of a mention, and its key (a Person: its name base; a `ref`: "").

    Pure, so memoised on everything it reads; the `EntityInfo` is then shared by the equal mentions of a
    corpus (`build_rows` skips re-merging the one it merged last). Raises `KeyError_` (no memo for a
    `DocumentError`, whose message names the mention).
    """
    attrs = m.attributes
    if not attrs or attrs.keys().isdisjoint(ENTITY_PROPS):
        values, classes = _NO_PROPS
    else:
        values = tuple(map(attrs.get, ENTITY_PROPS))
        classes = tuple(map(type, values))
    # the classes of the values are part of the key: 1, 1.0 and True are equal but different properties
    memo_key = (m.type, m.text, m.value, bool(m.ref), place, region, values, classes)
    memo = onto.mention_memo
    try:
        found = memo.get(memo_key)
    except TypeError:  # an unhashable attribute value: no memo
        return _entity_uncached(m, onto, place, region)
    if found is None:
        try:
            found = _entity_uncached(m, onto, place, region)
        except KeyError_ as exc:
            found = exc
        if len(memo) >= MEMO_MAX:
            memo.clear()
        memo[memo_key] = found
    if isinstance(found, KeyError_):
        raise KeyError_(str(found))
    return found


def _entity_uncached(
    m: EntityMention, onto: OntologyView, place: str | None, region: str
) -> tuple[EntityInfo, str]:
    attrs = m.attributes
    props = {k: attrs[k] for k in ENTITY_PROPS if attrs.get(k) not in (None, "")}
    name = m.text.strip() or m.value
    if m.ref:
        key, res = "", Resolved("", m.value, ())
    elif m.type == C.Person:
        key = person_base(m.value or m.text)
        res = Resolved("", key.split(":", 1)[1], ())
    else:
        res = _resolve(m, onto, place, region)
        key = res.key
    if onto.is_a(m.type, C.Identifier) and res.value:
        name = res.variants[1] if m.type == C.Phone and len(res.variants) > 1 else res.value
    elif m.type == C.Person and m.value.strip():
        name = m.value.strip()
    variants = tuple(dict.fromkeys([*res.variants, m.text.strip()]))
    return EntityInfo(m.type, onto.labels(m.type), name, res.value, variants, props), key


def _resolve(m: EntityMention, onto: OntologyView, place: str | None, region: str) -> Resolved:
    value = (m.value or m.text).strip()
    if onto.is_a(m.type, C.Identifier):
        return identifier_key(m.type, value, region)
    if onto.is_a(m.type, C.Organization):
        return organization_key(m.type, value, place)
    if onto.is_a(m.type, C.Location):
        return location_key(m.type, value, m.attributes)
    raise DocumentError(f"entity {m.id}: no resolution rule for class '{m.type}'")


def prepare(
    doc: ExtractionResult,
    onto: OntologyView,
    region: str = "US",
    doc_hash: str | None = None,
    *,
    hash_now: bool = True,
) -> PreparedDoc:
    """Validate a document and resolve its non-person keys. `hash_now=False` leaves a missing `doc_hash`
    for the writer (`PreparedDoc.hash`)."""
    if not doc.id.strip():
        raise DocumentError("document has an empty id")
    original = doc
    kind = doc.doc_type or C.Document
    if not onto.is_document_class(kind):
        raise DocumentError(f"doc_type '{kind}' is not an ontology Document class")
    doc, rejected = guard_document(doc, guarded_roots(doc, onto))
    doc, contacts = drop_contact_links(doc)
    if doc is not original and doc_hash is None:
        # the hash is the record's as extracted, whatever the guard or the contact rule dropped: the next
        # run's skip check hashes the record as extracted too (else every re-run rewrites the document)
        doc_hash = content_hash(original)
    prep = PreparedDoc(doc, doc_hash or (content_hash(doc) if hash_now else None), onto.labels(kind), kind)
    prep.rejected = rejected
    prep.office = office_of(doc.source)
    prep.contact_links = contacts
    by_id: dict[str, EntityMention] = {}
    size, entity_class = len(doc.text), onto.is_entity_class
    for m in doc.entities:
        if m.id in by_id:
            raise DocumentError(f"entity id '{m.id}' is used twice")
        if not entity_class(m.type):
            raise DocumentError(
                f"entity {m.id} ('{m.text}'): type '{m.type}' is not an ontology Entity class"
            )
        if not 0 <= m.start <= m.end <= size:
            _check_span(doc, f"entity {m.id}", m.start, m.end)
        by_id[m.id] = m
    places = _business_places(doc, by_id, onto)
    office = prep.office
    for m in doc.entities:
        if m.ref and m.ref not in by_id:
            raise DocumentError(f"entity {m.id}: ref '{m.ref}' is not an entity of this document")
        try:
            info, key = _entity(m, onto, places.get(m.id), region)
        except KeyError_ as exc:
            raise DocumentError(f"entity {m.id}: {exc}") from None
        if m.ref:
            prep.refs[m.id] = m.ref
        elif m.type == C.Person:
            if office is not None and OFFICIAL in role_names(m):  # one node per official and office
                prep.keys[m.id] = official_key(key, office)
                prep.official_bases[m.id] = key
            else:
                prep.person_bases[m.id] = key
        else:
            prep.keys[m.id] = key
        prep.info[m.id] = info
    for mid in prep.refs:
        seen = {mid}
        cur = prep.refs[mid]
        while cur in prep.refs:
            if cur in seen:
                raise DocumentError(f"entity {mid}: ref chain loops ({' -> '.join(sorted(seen))})")
            seen.add(cur)
            cur = prep.refs[cur]
    rel_types = onto.relationship_types()
    for rel in doc.relations:
        src, dst = by_id.get(rel.source), by_id.get(rel.target)
        if src is None or dst is None:
            raise DocumentError(
                f"relation {rel.id}: source/target '{rel.source}'/'{rel.target}' not in entities"
            )
        if rel.type not in rel_types:
            raise DocumentError(f"relation {rel.id}: '{rel.type}' is not an ontology relationship type")
        if not onto.allows(rel.type, src.type, dst.type):
            raise DocumentError(
                f"relation {rel.id}: ontology does not allow {src.type} -[{rel.type}]-> {dst.type}"
            )
        if not 0 <= rel.start <= rel.end <= size:
            _check_span(doc, f"relation {rel.id}", rel.start, rel.end)
    types, indicators = onto.individuals(C.TraffickingType), onto.individuals(C.Indicator)
    for t in doc.classification.trafficking_types:
        if t.type not in types:
            raise DocumentError(f"classification '{t.type}' is not an ontology TraffickingType")
        for s, e in t.spans:
            _check_span(doc, f"classification {t.type}", s, e)
    for ind in doc.classification.indicators:
        if ind.type not in indicators:
            raise DocumentError(f"indicator '{ind.type}' is not an ontology Indicator")
        _check_span(doc, f"indicator {ind.type}", ind.start, ind.end)
    roles = onto.individuals(C.Role)
    for m in doc.entities:
        if not m.attributes.get("roles"):
            continue
        names = role_names(m)
        if names:
            prep.roles[m.id] = names
        for role in names:
            if role not in roles:
                raise DocumentError(f"entity {m.id}: role '{role}' is not an ontology Role")
            if not onto.allows(R.HAS_ROLE, m.type, C.Role):
                raise DocumentError(f"entity {m.id}: ontology does not allow {m.type} -[HAS_ROLE]-> Role")
    return prep


def role_names(m: EntityMention) -> list[str]:
    """`attributes["roles"]` as ontology Role names: strings or {"role": ...} maps, capitalised."""
    raw = m.attributes.get("roles") or []
    if isinstance(raw, (str, dict)):
        raw = [raw]
    out = []
    for r in raw:
        name = r.get("role") or r.get("type") if isinstance(r, dict) else r
        if isinstance(name, str) and name.strip():
            out.append(name.strip()[0].upper() + name.strip()[1:])
    return out
