"""Retention per source: documents older than N days (since ingest) are deleted, or their personal spans
redacted, by the first rule whose source pattern matches. Rules come from `LANTERN_RETENTION_RULES`
(JSON list, e.g. `[{"source": "*case notes*", "days": 365, "action": "redact"}]`); with no rule, nothing
expires. `lantern gdpr retention --dry-run` lists what would go; the API's scheduler applies them daily.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from fnmatch import fnmatch
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.db import Runner
from graph.gdpr.subject import mask, mask_spans
from ontology import load_ontology


class RetentionRule(BaseModel):
    source: str = Field(description="fnmatch pattern on Document.source, e.g. '*case notes*' or '*'.")
    days: int = Field(ge=0, description="Documents ingested more than this many days ago expire.")
    action: Literal["delete", "redact"] = "delete"


class RetentionSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_", env_file=".env", extra="ignore")
    retention_rules: list[RetentionRule] = []
    retention_interval_s: float = 86400.0
    """How often the API's scheduler applies the rules (`lantern serve`); 0 turns it off."""


@dataclass(frozen=True)
class Expiry:
    doc_id: str
    source: str
    ingested_at: str
    action: str
    rule: str


def plan_retention(db: Runner, rules: list[RetentionRule], now: datetime | None = None) -> list[Expiry]:
    """The documents the rules expire now (first matching rule wins); already-redacted ones are left out."""
    if not rules:
        return []
    now = now or datetime.now(UTC)
    oldest = min(r.days for r in rules)
    out = []
    for doc in db.read("gdpr/expired_documents", before=(now - timedelta(days=oldest)).isoformat()):
        rule = next((r for r in rules if fnmatch(doc["source"], r.source)), None)
        if rule is None or datetime.fromisoformat(doc["ingested_at"]) >= now - timedelta(days=rule.days):
            continue
        if rule.action == "redact" and doc["redacted"]:
            continue
        label = f"{rule.source} > {rule.days} days: {rule.action}"
        out.append(Expiry(doc["id"], doc["source"], doc["ingested_at"], rule.action, label))
    return out


def _redact(db: Runner, doc_ids: list[str]) -> dict[str, int]:
    """Mask the spans of personal-data entities (people, phones, e-mails ...) in the documents, their
    mention texts and the evidence snippets that quote them."""
    from graph.gdpr.erase import mask_snippets

    kinds = sorted({k for ks in load_ontology().personal_data_categories().values() for k in ks})
    mentions = db.read("gdpr/personal_mentions", doc_ids=doc_ids, kinds=kinds)
    texts = {r["id"]: r["text"] or "" for r in db.read("gdpr/document_texts", ids=doc_ids)}
    spans: dict[str, list[tuple[int, int]]] = {}
    forms: set[str] = set()
    for m in mentions:
        spans.setdefault(m["doc"], []).extend(zip(m["starts"] or [], m["ends"] or [], strict=False))
        forms |= {t for t in m["texts"] or [] if len(t) >= 3}
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    rows = [
        {"id": d, "text": mask(mask_spans(texts.get(d, ""), s), ordered)[0], "reason": "retention"}
        for d, s in sorted(spans.items())
    ]
    if rows:
        db.write("gdpr/set_document_texts", rows=rows)
    mention_rows = [
        {"entity": m["entity"], "doc": m["doc"], "texts": [mask(t, [t])[0] for t in m["texts"] or []]}
        for m in mentions
    ]
    if mention_rows:
        db.write("gdpr/set_mention_texts", rows=mention_rows)
    return {"documents_redacted": len(rows), "snippets_masked": mask_snippets(db, doc_ids, ordered, False)}


def apply_retention(db: Runner, plan: list[Expiry]) -> dict[str, int]:
    """Delete or redact what `plan_retention` listed; returns counts."""
    from graph.ingest.delete import delete_documents

    delete = [e.doc_id for e in plan if e.action == "delete"]
    redact = [e.doc_id for e in plan if e.action == "redact"]
    counts = {"documents_deleted": 0, "entities_deleted": 0, "documents_redacted": 0, "snippets_masked": 0}
    if delete:
        summary = delete_documents(db, delete)  # type: ignore[arg-type]
        counts["documents_deleted"], counts["entities_deleted"] = summary.deleted, summary.entities_deleted
    if redact:
        counts.update(_redact(db, redact))
    return counts
