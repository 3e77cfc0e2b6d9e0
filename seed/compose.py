"""Compose marked-up documents from the building blocks (templates x networks x distractors) and
render them to the corpus JSONL contract plus gold spans. Shared by `seed build` and `seed generate`."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ontology.names import C
from seed.context import Ctx
from seed.distractors import DISTRACTORS, OUTLETS
from seed.hubs import NGOS
from seed.markup import render
from seed.model import Network
from seed.templates import DEFAULT_PLAN, TEMPLATES

FILE_OF_TYPE = {
    C.NewsArticle: "news",
    C.CaseNarrative: "case-narratives",
    C.CourtRecord: "court-records",
    C.PressRelease: "press-releases",
    C.Advertisement: "advertisements",
}
VICTIM_TEMPLATES = {"survivor_story", "ngo_case", "survivor_short"}
START = dt.date(2022, 3, 1)
SPAN_DAYS = 1340


@dataclass
class DocSource:
    id: str
    title: str
    doc_type: str
    markup: str
    published: str
    source: str
    url: str | None = None
    networks: list[str] = field(default_factory=list)


def _source_for(doc_type: str, rng: random.Random) -> str:
    if doc_type == C.NewsArticle:
        return rng.choice(OUTLETS)
    if doc_type == C.CaseNarrative:
        return rng.choice(NGOS) + " (case notes)"
    if doc_type == C.CourtRecord:
        return "Court bulletin"
    if doc_type == C.Advertisement:
        return rng.choice(["classifieds.example.com", "jobs.example.net", "board.example.org"])
    return "Press office"


def _date(rng: random.Random) -> str:
    return (START + dt.timedelta(days=rng.randrange(SPAN_DAYS))).isoformat()


def _doc(doc_id: str, title: str, doc_type: str, body: str, rng: random.Random, nets: list[str]) -> DocSource:
    published = _date(rng)
    url = None
    if doc_type in (C.NewsArticle, C.Advertisement):
        url = f"https://news.example.org/{published[:4]}/{doc_id}"
    return DocSource(doc_id, title, doc_type, body, published, _source_for(doc_type, rng), url, nets)


def network_docs(net: Network, rng: random.Random, ids: Iterator[str]) -> Iterator[DocSource]:
    """One document per plan step; victims rotate through the victim-facing templates."""
    plan = net.plan or DEFAULT_PLAN
    told = 0
    for name in plan:
        ctx = Ctx(net, rng, net.victims[told % len(net.victims)])
        told += name in VICTIM_TEMPLATES
        title, doc_type, body = TEMPLATES[name](ctx)
        yield _doc(next(ids), title, doc_type, body, rng, [net.id])


def distractor_docs(n: int, rng: random.Random, ids: Iterator[str]) -> Iterator[DocSource]:
    names = sorted(DISTRACTORS)
    for _ in range(n):
        title, doc_type, body = DISTRACTORS[rng.choice(names)](rng)
        yield _doc(next(ids), title, doc_type, body, rng, [])


def read_handwritten(path: Path) -> tuple[DocSource, bool]:
    """A hand-written source: `key: value` header lines, a blank line, then the marked-up body.

    Returns the document and whether the header named its networks (`networks: N1, N7` or `none`)."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    nets = [n.strip() for n in meta.get("networks", "").split(",") if n.strip() and n.strip() != "none"]
    doc = DocSource(meta["id"], meta["title"], meta["doc_type"], body.strip(), meta["published"],
                    meta["source"], meta.get("url"), nets)  # fmt: skip
    return doc, "networks" in meta


def to_records(doc: DocSource) -> tuple[dict[str, object], dict[str, object]]:
    """(corpus line, gold line) for one document."""
    text, mentions = render(doc.markup)
    corpus: dict[str, object] = {"id": doc.id, "text": text, "title": doc.title}
    if doc.url:
        corpus["url"] = doc.url
    corpus.update({"published": doc.published, "source": doc.source, "doc_type": doc.doc_type})
    return corpus, {"id": doc.id, "mentions": [m.as_dict() for m in mentions]}
