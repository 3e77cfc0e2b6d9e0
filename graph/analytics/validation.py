"""`lantern evaluate analysis`: role-labelled gold releases → extract → ingest → analyse → scores per office.

Gold files (extraction/gold/<corpus>.jsonl) hold offsets into the raw files; the extractor works on the
reader's cleaned text, so every graph mention span is mapped back with `extraction.evaluate_align` before it
is compared with the gold (`graph.analytics.validation_score`). Runs against whatever database it is given
(the configured Neo4j, or the test instance): documents are ingested idempotently, the analysis is a full run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extraction.evaluate import PreparedDocument, prepare
from extraction.evaluate_align import Alignment, align
from extraction.evaluate_gold import GoldDocument, sha256_text
from extraction.models import ExtractionResult
from graph.analytics.options import AnalysisOptions
from graph.analytics.run import run_analysis
from graph.analytics.validation_score import (
    GoldEntity,
    NodeView,
    OfficeScore,
    label_node,
    norm_name,
    score_office,
)
from graph.db import Runner

Extract = Callable[[PreparedDocument], ExtractionResult]
Note = Callable[[str], None]


@dataclass
class ValidationReport:
    offices: list[OfficeScore] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    ingest: dict[str, Any] = field(default_factory=dict)
    hubs: list[str] = field(default_factory=list)
    """The analysis run's excluded hubs, "name (kind): reason"."""


def gold_entities(gold: GoldDocument, raw: str, doc_id: str) -> list[GoldEntity]:
    """One entity per first mention (in the article body), with its role and every span of its cluster."""
    out = []
    for i, m in enumerate(gold.mentions):
        if m.ref is not None or not gold.in_body(m.start, m.end):
            continue
        spans = [(c.start, c.end) for c in gold.cluster(i)]
        out.append(GoldEntity(doc_id, m.type, m.role, norm_name(raw[m.start : m.end]), spans))
    return out


def _default_extract() -> Extract:
    from extraction.pipeline import Extractor

    extractor = Extractor()
    return lambda item: extractor.extract(item.cleaned)


def prepare_corpora(
    gold_docs: list[GoldDocument], data_dir: Path
) -> tuple[list[PreparedDocument], list[dict[str, str]]]:
    """Raw + cleaned text per gold document; a corpus's files are in `data_dir/<corpus>/` (or `data_dir/`)."""
    by_corpus: dict[str, list[GoldDocument]] = defaultdict(list)
    for g in gold_docs:
        by_corpus[g.corpus].append(g)
    prepared: list[PreparedDocument] = []
    skipped: list[dict[str, str]] = []
    for corpus, docs in sorted(by_corpus.items()):
        folder = data_dir / corpus if (data_dir / corpus).is_dir() else data_dir
        ok, bad = prepare(docs, folder)
        prepared += ok
        skipped += bad
    return prepared, skipped


def validate_analysis(
    db: Runner,
    gold_docs: list[GoldDocument],
    data_dir: Path,
    *,
    extract: Extract | None = None,
    options: AnalysisOptions | None = None,
    note: Note | None = None,
) -> ValidationReport:
    """Extract, ingest and analyse the gold releases, then score the analysis per office (gold corpus)."""
    from graph.ingest.run import ingest_results

    say = note or (lambda _msg: None)
    report = ValidationReport()
    prepared, report.skipped = prepare_corpora(gold_docs, data_dir)
    extract = extract or _default_extract()
    results: list[ExtractionResult] = []
    docs: dict[str, tuple[PreparedDocument, Alignment | None]] = {}
    for i, item in enumerate(prepared, 1):
        say(f"extracting {i}/{len(prepared)}: {item.gold.doc}")
        result = extract(item)
        same = sha256_text(item.cleaned.text) == sha256_text(item.raw)
        docs[result.id] = (item, None if same else align(item.cleaned.text, item.raw))
        results.append(result)
    say("ingesting")
    report.ingest = ingest_results(db, results).as_dict()  # type: ignore[arg-type]
    say("analysing")
    report.hubs = [h.label() for h in run_analysis(db, options=options).excluded_hubs]
    nodes: dict[str, NodeView] = {}
    for row in db.read("analysis/evaluation_nodes", doc_ids=sorted(docs)):
        node = nodes.setdefault(
            row["id"],
            NodeView(row["id"], row.get("kind") or "", row.get("name") or row["id"], row.get("risk_score"),
                     row.get("network_id")),
        )  # fmt: skip
        alignment = docs[row["doc_id"]][1]
        for s, e in zip(row.get("starts") or [], row.get("ends") or [], strict=False):
            span = (s, e) if alignment is None else alignment.map_span(s, e)
            if span is not None:
                node.mentions.append((row["doc_id"], span[0], span[1]))
    gold_by_doc = {did: gold_entities(item.gold, item.raw, did) for did, (item, _) in docs.items()}
    for node in nodes.values():
        label_node(node, gold_by_doc)
    offices: dict[str, list[str]] = defaultdict(list)
    for did, (item, _) in docs.items():
        offices[item.gold.corpus].append(did)
    for office, dids in sorted(offices.items()):
        members = [n for n in nodes.values() if any(d in dids for d, _, _ in n.mentions)]
        gold = [g for d in dids for g in gold_by_doc[d]]
        report.offices.append(score_office(office, members, gold, len(dids)))
    return report
