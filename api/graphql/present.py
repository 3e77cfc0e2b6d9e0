"""Raw Cypher rows → GraphQL objects, with masking and audit bookkeeping applied in ONE place.

Every entity, edge, evidence snippet and title leaves the API through a :class:`Presenter`; it
masks what the caller's role may not see (`api.masking`) and records in the request's
`Disclosures` whatever personal data it hands out in clear (for the audit log).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from api.graphql import types as t
from api.graphql.context import LanternContext
from api.masking import MASKED_CATEGORIES, anon_id, category_of, is_masked, mask_snippet, mask_value

Term = tuple[str, str, str | None]
_PERSISTED: set[str] = set()  # anon ids already in the state store (this process)
_GENERIC = {"Entity", "Organization", "Location", "Identifier", "PaymentAccount", "Business"}


def kind_of(raw: dict[str, Any]) -> str:
    if raw.get("kind"):
        return str(raw["kind"])
    labels = [label for label in raw.get("labels", []) if label not in _GENERIC]
    return labels[0] if labels else (raw.get("labels") or ["Node"])[0]


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def _int(v: Any) -> int | None:
    return None if v is None else int(v)


def _float(v: Any) -> float | None:
    return None if v is None else float(v)


class Presenter:
    def __init__(self, ctx: LanternContext) -> None:
        self.ctx = ctx
        self.role = ctx.role
        self.terms: set[Term] = set()
        self.id_map: dict[str, str] = {}
        self._new_pseudonyms: list[tuple[object, ...]] = []
        self._clear: list[tuple[str, str]] = []
        self._clear_for = -1
        self._kinds: dict[tuple[str, tuple[str, ...]], tuple[bool, bool]] = {}

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
                    self.terms.add((kind, str(text), raw.get("id")))

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
                    self.terms.add((kind, str(text), row.get("id")))

    async def learn_documents(self, doc_ids: Iterable[str]) -> None:
        ids = sorted({d for d in doc_ids if d})
        if ids:
            self.learn_mentions(await self.ctx.graph.read("api/document_personal_mentions", doc_ids=ids))

    # ---- ids
    def shown_id(self, entity_id: str | None, kind: str | None = None, labels: Iterable[str] = ()) -> str:
        if entity_id is None:
            return ""
        if entity_id in self.id_map:
            return self.id_map[entity_id]
        if kind is None:  # endpoint not presented as a node: opaque unless the role sees everything
            masked = bool(self.ctx.role.value in ("analyst", "auditor"))
        else:
            masked = self._kind_info(kind, tuple(labels))[0]
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
    def _clear_personal(self) -> list[tuple[str, str]]:
        """(lower-cased surface, entity id) of personal terms the role sees in clear (cached per term set)."""
        if self._clear_for != len(self.terms):
            self._clear = [
                (surface.lower(), key or surface)
                for kind, surface, key in self.terms
                if surface and category_of(kind) and not is_masked(kind, self.role)
            ]
            self._clear_for = len(self.terms)
        return self._clear

    def text(self, snippet: str | None) -> str | None:
        if not snippet:
            return snippet
        clear = self._clear_personal()
        if clear:
            low = snippet.lower()
            for surface, entity_id in clear:
                if surface in low:
                    self.ctx.disclosures.add(entity_id, "snippet")
        if not MASKED_CATEGORIES.get(self.role.value):
            return snippet  # nothing to mask for this role
        return mask_snippet(snippet, self.role, self.terms)

    # ---- objects
    def entity(self, raw: dict[str, Any]) -> t.Entity:
        kind = kind_of(raw)
        labels = list(raw.get("labels", []))
        real_id = str(raw.get("id") or raw.get("name") or "")
        masked, personal = self._kind_info(kind, tuple(labels))
        name = raw.get("name") or raw.get("title")
        value = raw.get("value")
        aliases = [str(a) for a in raw.get("aliases") or []]
        if masked:
            name = mask_value(kind, _str(name), self.role, real_id)
            value = mask_value(kind, _str(value), self.role, real_id)
            aliases = [mask_value(kind, a, self.role, real_id) or "" for a in aliases]
        elif personal:
            self.ctx.disclosures.add(real_id, "id", "name", "value", "aliases")
        shown = self.shown_id(real_id, kind, labels)
        return t.Entity(
            id=shown,
            kind=kind,
            labels=labels,
            name=_str(name),
            value=_str(value),
            aliases=aliases,
            caption=_str(name or value) or shown,
            masked=masked,
            doc_count=_int(raw.get("doc_count")),
            mention_count=_int(raw.get("mention_count")),
            first_seen=_str(raw.get("first_seen")),
            last_seen=_str(raw.get("last_seen")),
            network_id=_int(raw.get("network_id")),
            community_id=_int(raw.get("community_id")),
            pagerank=_float(raw.get("pagerank")),
            betweenness=_float(raw.get("betweenness")),
            risk_score=_float(raw.get("risk_score")),
            risk_reasons=[self.text(str(r)) or "" for r in raw.get("risk_reasons") or []],
            analysis_run_id=_str(raw.get("analysis_run_id")),
            lat=None if masked else _float(raw.get("lat")),
            lon=None if masked else _float(raw.get("lon")),
            country_code=None if masked else _str(raw.get("country_code")),
            real_id=real_id,
        )

    def evidence(self, raw: dict[str, Any]) -> t.Evidence:
        return t.Evidence(
            document_id=str(raw.get("doc_id") or ""),
            start=_int(raw.get("start")),
            end=_int(raw.get("end")),
            snippet=self.text(_str(raw.get("snippet"))),
            confidence=_float(raw.get("confidence")),
        )

    def edge(self, raw: dict[str, Any]) -> t.Edge:
        return t.Edge(
            id=str(raw["id"]),
            type=str(raw["type"]),
            source=self.shown_id(raw.get("source")),
            target=self.shown_id(raw.get("target")),
            confidence=_float(
                raw.get("confidence") if raw.get("confidence") is not None else raw.get("score")
            ),
            doc_count=_int(raw.get("doc_count")),
            evidence_count=_int(raw.get("evidence_count")),
            reason=_str(raw.get("reason")),
            evidence=[self.evidence(e) for e in raw.get("evidence") or [] if e.get("doc_id") is not None],
        )


def edge_doc_ids(edges: Iterable[dict[str, Any]]) -> set[str]:
    return {str(e["doc_id"]) for edge in edges for e in edge.get("evidence") or [] if e.get("doc_id")}
