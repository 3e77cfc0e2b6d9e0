"""A data subject's identifiers in the graph, and subject access (everything held about them)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Protocol

from graph.db import Runner
from graph.resolve_keys import KeyError_, identifier_key, search_value
from ontology import load_ontology
from ontology.names import C

MASK = "•"
CONTEXT = 120


class SubjectError(ValueError):
    """An identifier that cannot be normalised, with what to do next."""


class DerivedStore(Protocol):
    """A store outside the graph that may hold an identifier (watches, alerts): it finds and erases it."""

    name: str

    def find(self, entity_ids: list[str], texts: list[str]) -> list[dict[str, Any]]: ...

    def erase(self, entity_ids: list[str], texts: list[str]) -> int: ...


def identifier_id(value: str, kind: str | None, region: str) -> str:
    """The entity id of an identifier as ingest keys it; the kind is guessed for e-mails and phones."""
    ont = load_ontology()
    identifiers = sorted(ont.classes_under(C.Identifier, include_abstract=False))
    if kind is None:
        if search_value(value, region) is None:
            raise SubjectError(
                f"'{value}' is neither an e-mail nor a phone number: give its kind with --kind "
                f"({', '.join(identifiers)})"
            )
        category = "email" if "@" in value else "phone"
        kind = next(k for k in identifiers if ont.classes[k].personal_data == category)
    if kind not in identifiers:
        raise SubjectError(f"--kind {kind} is not an identifier class: use one of {', '.join(identifiers)}")
    try:
        return identifier_key(kind, value, region).key
    except (KeyError_, ValueError) as exc:
        raise SubjectError(f"cannot normalise {kind} '{value}': {exc}") from exc


def subject_texts(node: dict[str, Any], mentions: list[dict[str, Any]]) -> list[str]:
    """Every written form of the identifier the graph holds (longest first, so masking is greedy)."""
    props = node["props"]
    forms = {
        props.get("name"),
        props.get("value"),
        *(props.get("variants") or []),
        *(props.get("aliases") or []),
    }
    forms |= {t for m in mentions if m["id"] == node["id"] for t in m["texts"] or []}
    return sorted(
        (f for f in forms if isinstance(f, str) and len(f.strip()) >= 4), key=lambda f: (-len(f), f)
    )


def _context(text: str | None, start: int, end: int) -> str:
    if not text:
        return ""
    return text[max(0, start - CONTEXT) : min(len(text), end + CONTEXT)]


def subject_access(
    db: Runner, ids: list[str], derived: list[DerivedStore], audit_rows: list[dict[str, Any]]
) -> dict[str, Any]:
    """Everything held about these identifier nodes: the nodes, their links with evidence, the documents
    that mention them with a snippet per mention, derived stores' rows and the audit rows naming them."""
    nodes = db.read("gdpr/subject_nodes", ids=ids)
    provenance = next(
        t for t, r in load_ontology().relations.items() if r.evidence_exempt and not r.weak_link
    )
    links = db.read("gdpr/subject_links", ids=ids, provenance=provenance)
    mentions = db.read("gdpr/subject_mentions", ids=ids)
    texts = sorted({t for n in nodes for t in subject_texts(n, mentions)})
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "entities": [{"id": n["id"], "kind": n["kind"], **_plain(n["props"])} for n in nodes],
        "links": [{k: _plain(v) for k, v in link.items()} for link in links],
        "mentions": [
            {
                "entity": m["id"],
                "document": m["doc_id"],
                "title": m["title"],
                "source": m["source"],
                "published": m["published"],
                "ingested_at": m["ingested_at"],
                "snippets": [
                    {"start": s, "end": e, "text": t, "context": _context(m["text"], s, e)}
                    for s, e, t in zip(m["starts"] or [], m["ends"] or [], m["texts"] or [], strict=False)
                ],
            }
            for m in mentions
        ],
        "derived": {store.name: store.find(ids, texts) for store in derived},
        "audit_log": audit_rows,
    }


def _plain(value: Any) -> Any:
    """Neo4j temporal values and nested lists as JSON-friendly values."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def mask(text: str, forms: list[str]) -> tuple[str, int]:
    """`text` with every occurrence of the forms replaced by same-length masks; (text, occurrences)."""
    count = 0
    for form in forms:
        if form and form in text:
            count += text.count(form)
            text = text.replace(form, MASK * len(form))
    return text, count


def mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            if not chars[i].isspace():
                chars[i] = MASK
    return "".join(chars)
