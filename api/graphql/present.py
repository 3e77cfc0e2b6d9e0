"""Raw Cypher rows → GraphQL objects, with masking and audit bookkeeping applied in ONE place.

Every entity, edge, evidence snippet, title, reason and document id leaves the API through a
:class:`Presenter`; it masks what the caller's role may not see — typed fields with
`graph.privacy`, every free-text string with `graph.privacy_text.scrub` against the graph's personal
lexicon plus this response's terms — and records in the request's `Disclosures` whatever personal
data it hands out in clear (for the audit log). Masked roles get no character offsets (they would
tell the length of a hidden name). Resolvers get one with :func:`presenter`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from neo4j.time import Date as Neo4jDate

from api.graphql import types as t
from api.graphql.context import LanternContext
from graph.privacy import MASKED_CATEGORIES, anon_id, category_of, is_masked, mask_value
from graph.privacy_text import Lexicon, reveals, scrub
from ontology import load_ontology
from ontology.names import C

Term = tuple[str, str, str | None]
_PERSISTED: set[str] = set()  # anon ids already in the state store (this process)
_GENERIC = {c for c in load_ontology().classes_under(C.Entity) if len(load_ontology().classes_under(c)) > 1}
"""Entity classes with subclasses: a node's kind is its most specific label, never one of these."""


def kind_of(raw: dict[str, Any]) -> str:
    if raw.get("kind"):
        return str(raw["kind"])
    labels = [label for label in raw.get("labels", []) if label not in _GENERIC]
    return labels[0] if labels else (raw.get("labels") or ["Node"])[0]


def day_text(value: Any) -> str:
    """ISO text of a day: a driver `neo4j.time.Date` through the standard library's C `isoformat`
    (same text as `str()`, ≈0.6 µs instead of 3.3 µs; two per node of a link chart)."""
    if type(value) is Neo4jDate:
        ordinal = value.to_ordinal()
        if ordinal > 0:  # not the driver's ZeroDate (0000-00-00)
            return date.fromordinal(ordinal).isoformat()
    return str(value)


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


async def presenter(ctx: LanternContext) -> Presenter:
    """A Presenter that scrubs with the graph's personal lexicon (cached per app)."""
    return Presenter(ctx, await ctx.app_state.lexicon.get(ctx.graph))


class Presenter:
    def __init__(self, ctx: LanternContext, lexicon: Lexicon | None = None) -> None:
        self.ctx = ctx
        self.role = ctx.role
        self.masking = bool(MASKED_CATEGORIES.get(self.role.value, True))
        self.lex = (lexicon or Lexicon()).child()
        self.terms: set[Term] = set()
        self.id_map: dict[str, str] = {}
        self._new_pseudonyms: list[tuple[object, ...]] = []
        self._kinds: dict[tuple[str, tuple[str, ...]], tuple[bool, bool]] = {}
        self._texts: dict[str, str] = {}  # text -> as shown, for the current terms

    def _kind_info(self, kind: str, labels: tuple[str, ...]) -> tuple[bool, bool]:
        """(masked for this role, personal) of a kind with these labels, asked once per response."""
        info = self._kinds.get((kind, labels))
        if info is None:
            info = (is_masked(kind, self.role, labels), category_of(kind, labels) is not None)
            self._kinds[(kind, labels)] = info
        return info

    # ---- what personal strings may appear in texts of this response
    def learn_nodes(self, raws: Iterable[dict[str, Any]]) -> None:
        for raw in raws:
            kind = kind_of(raw)
            if category_of(kind, raw.get("labels", [])) is None:
                continue
            for text in [raw.get("name"), raw.get("value"), *(raw.get("aliases") or [])]:
                if text:
                    self._learn(kind, str(text), raw.get("id"))

    def learn_mentions(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            kind = row.get("kind") or kind_of(row)
            for text in [
                *(row.get("texts") or []),
                row.get("name"),
                row.get("value"),
                *(row.get("aliases") or []),
            ]:
                if text:
                    self._learn(kind, str(text), row.get("id"))

    def _learn(self, kind: str, text: str, key: Any) -> None:
        term = (kind, text, None if key is None else str(key))
        if term not in self.terms:
            self.terms.add(term)
            self.lex.add(kind, text, term[2] or text)
            self._texts.clear()  # new terms: snippets shown so far may need other masks and disclosures

    async def learn_documents(self, doc_ids: Iterable[str]) -> None:
        ids = sorted({d for d in doc_ids if d})
        if ids:
            self.learn_mentions(await self.ctx.graph.read("api/document_personal_mentions", doc_ids=ids))

    # ---- ids
    def shown_id(self, entity_id: str | None, masked: bool | None = None) -> str:
        """The id this response shows for an entity; `masked` is the entity's own masking when it is
        presented as a node (None for an edge end: opaque unless the role sees everything)."""
        if entity_id is None:
            return ""
        if entity_id in self.id_map:
            return self.id_map[entity_id]
        if masked is None:
            masked = self.masking
        elif not masked and self.masking and self.text(entity_id) != entity_id:
            masked = True  # an id that embeds a personal value (a person-shaped business name)
        shown = anon_id(entity_id) if masked else entity_id
        if masked and shown not in _PERSISTED:
            self._new_pseudonyms.append((shown, entity_id))
        self.id_map[entity_id] = shown
        return shown

    def flush(self) -> None:
        """Persist the anon-id → entity-id mappings handed out in this response."""
        if self._new_pseudonyms:
            self.ctx.store.executemany(
                "INSERT OR IGNORE INTO pseudonyms (token, entity_id) VALUES (?, ?)", self._new_pseudonyms
            )
            _PERSISTED.update(str(token) for token, _ in self._new_pseudonyms)
            self._new_pseudonyms = []

    # ---- texts
    def text(self, snippet: str | None, what: str = "snippet", any_case: bool = False) -> str | None:
        """A free-text string as this role may see it: scrubbed for masked roles; for the others, the
        personal values it shows in clear are recorded as disclosures (`what` names the field).
        `any_case` for strings lower-cased by construction (see `graph.privacy_text.scrub`)."""
        if not snippet:
            return snippet
        shown = self._texts.get(snippet)
        if shown is not None and not any_case:  # the same sentence is often the evidence of several edges
            return shown
        if self.masking:
            shown = scrub(snippet, self.role, self.lex, any_case) or ""
        else:
            shown = snippet
            self._disclose(snippet, what)
        self._texts[snippet] = shown
        return shown

    def _disclose(self, text: str, what: str) -> None:
        for entity_id in reveals(text, self.lex, self.role):
            self.ctx.disclosures.add(entity_id, what)

    def ids(self, values: Iterable[Any]) -> list[str]:
        """Document ids (or other free-text ids) as this role may see them."""
        return [self.text(str(v), "id") or "" for v in values]

    # ---- objects
    def entity(self, raw: dict[str, Any]) -> t.Entity:
        # called for every node of a link chart: conversions inlined, one dict read per property
        get = raw.get
        kind = kind_of(raw)
        labels = list(get("labels", []))
        real_id = str(get("id") or get("name") or "")
        masked, personal = self._kind_info(kind, tuple(labels))
        name = get("name") or get("title")
        value = get("value")
        aliases = [str(a) for a in get("aliases") or []]
        if masked:
            name = mask_value(kind, _str(name), self.role, real_id)
            value = mask_value(kind, _str(value), self.role, real_id)
            aliases = [mask_value(kind, a, self.role, real_id) or "" for a in aliases]
        elif personal:
            self.ctx.disclosures.add(real_id, "id", "name", "value", "aliases")
        else:  # not a personal kind, but its name may still be a person's (a mistyped business)
            name = self.text(_str(name), "name")
            value = self.text(_str(value), "value")
            aliases = [self.text(a, "aliases") or "" for a in aliases]
        shown = self.shown_id(real_id, masked)
        name, value = _str(name), _str(value)
        first, last, reasons = get("first_seen"), get("last_seen"), get("risk_reasons")
        docs, mentions, network, community = (
            get("doc_count"),
            get("mention_count"),
            get("network_id"),
            get("community_id"),
        )
        pagerank, betweenness, risk, run = (
            get("pagerank"),
            get("betweenness"),
            get("risk_score"),
            get("analysis_run_id"),
        )
        lat, lon, country = (None, None, None) if masked else (get("lat"), get("lon"), get("country_code"))
        return t.Entity(
            id=shown,
            kind=kind,
            labels=labels,
            name=name,
            value=value,
            aliases=aliases,
            caption=name or value or shown,
            masked=masked,
            doc_count=None if docs is None else int(docs),
            mention_count=None if mentions is None else int(mentions),
            first_seen=None if first is None else day_text(first),
            last_seen=None if last is None else day_text(last),
            network_id=None if network is None else int(network),
            community_id=None if community is None else int(community),
            pagerank=None if pagerank is None else float(pagerank),
            betweenness=None if betweenness is None else float(betweenness),
            risk_score=None if risk is None else float(risk),
            risk_reasons=[self.text(str(r)) or "" for r in reasons] if reasons else [],
            analysis_run_id=None if run is None else str(run),
            lat=None if lat is None else float(lat),
            lon=None if lon is None else float(lon),
            country_code=None if country is None else str(country),
            coordinates_from=None if masked or get("geo_basis") is None else str(get("geo_basis")),
            real_id=real_id,
        )

    def evidence(self, raw: dict[str, Any]) -> t.Evidence:
        get = raw.get
        start, end, snippet, confidence = get("start"), get("end"), get("snippet"), get("confidence")
        if self.masking:  # offsets into the clear text would tell the length of a masked name
            start = end = None
        return t.Evidence(
            document_id=self.text(str(get("doc_id") or ""), "id") or "",
            start=None if start is None else int(start),
            end=None if end is None else int(end),
            snippet=self.text(None if snippet is None else str(snippet)),
            confidence=None if confidence is None else float(confidence),
        )

    def edge(self, raw: dict[str, Any]) -> t.Edge:
        get = raw.get
        confidence = get("confidence")
        if confidence is None:
            confidence = get("score")
        docs, count, reason = get("doc_count"), get("evidence_count"), get("reason")
        return t.Edge(
            id=str(raw["id"]),
            type=str(raw["type"]),
            source=self.shown_id(get("source")),
            target=self.shown_id(get("target")),
            confidence=None if confidence is None else float(confidence),
            doc_count=None if docs is None else int(docs),
            evidence_count=None if count is None else int(count),
            reason=None if reason is None else self.text(str(reason), "reason", any_case=True),
            evidence=[self.evidence(e) for e in get("evidence") or () if e.get("doc_id") is not None],
        )


def edge_doc_ids(edges: Iterable[dict[str, Any]]) -> set[str]:
    return {str(e["doc_id"]) for edge in edges for e in edge.get("evidence") or [] if e.get("doc_id")}
