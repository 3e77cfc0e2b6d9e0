"""Score an extractor against the development gold set (`lantern evaluate extraction`).

Flow per gold document: read the raw file (offsets of the gold) → the reader's cleaned text (what
the extractor sees) → each system extracts on the cleaned text → the aligner maps every predicted
span back to raw offsets → the scorer compares with the gold (see `evaluate_score`).

Systems are anything with `.extract(SourceDocument) -> ExtractionResult`: the Lantern `Extractor`
and the raw-spaCy `SpacyBaseline`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from extraction.cleaning import is_sentence
from extraction.evaluate_align import Alignment, align, text_lines
from extraction.evaluate_gold import GoldDocument, check_gold, read_raw, sha256_text
from extraction.evaluate_relations import score_relations
from extraction.evaluate_score import SystemScore, score_document
from extraction.models import ExtractionResult, ReadError, SourceDocument


class System(Protocol):
    def extract(self, doc: SourceDocument) -> ExtractionResult: ...


@dataclass
class PreparedDocument:
    gold: GoldDocument
    raw: str
    cleaned: SourceDocument


@dataclass
class ReaderRecall:
    """Did the reader keep the article? Body sentences of the gold (raw lines inside a body region that
    are prose: `extraction.cleaning.is_sentence`) found again in the cleaned text, per source.
    Goal: >= 0.99 (issue 21). Header furniture inside the body region (dates, case numbers) is not
    counted: dropping it is the reader's job."""

    body_lines: int = 0
    kept: int = 0
    dropped: list[dict[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return round(self.kept / self.body_lines, 4) if self.body_lines else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "body_lines": self.body_lines,
            "kept": self.kept,
            "recall": self.recall,
            "dropped": self.dropped,
        }


@dataclass
class EvaluationReport:
    documents: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    systems: list[SystemScore] = field(default_factory=list)
    unaligned_lines: int = 0
    reader: dict[str, ReaderRecall] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "skipped": self.skipped,
            "unaligned_cleaned_lines": self.unaligned_lines,
            "reader": {group: r.to_dict() for group, r in self.reader.items()},
            "systems": [s.to_dict() for s in self.systems],
        }


def score_reader(recall: ReaderRecall, item: PreparedDocument, alignment: Alignment | None) -> None:
    """Count the gold body lines the cleaned text kept (all of them when the reader kept the text)."""
    raw_lines = alignment.raw_lines if alignment is not None else text_lines(item.raw)
    kept = set(m for m in alignment.matched if m is not None) if alignment is not None else None
    for index, line in enumerate(raw_lines):
        if not item.gold.in_body(line.start, line.start + len(line.text)) or not is_sentence(line.text):
            continue
        recall.body_lines += 1
        if kept is None or index in kept:
            recall.kept += 1
        elif len(recall.dropped) < 20:
            recall.dropped.append({"doc": item.gold.doc, "line": str(index)})


def _clean(raw_path: Path) -> SourceDocument | ReadError:
    from extraction.readers import read_inputs

    for item in read_inputs([raw_path]):
        return item
    return ReadError(id=raw_path.stem, source=str(raw_path), reason="the reader returned nothing")


def prepare(
    gold_docs: Iterable[GoldDocument],
    data_dir: Path | None,
    seed_texts: dict[str, SourceDocument] | None = None,
) -> tuple[list[PreparedDocument], list[dict[str, str]]]:
    """Raw + cleaned text for each gold document; problems come back as `{doc, reason}` items."""
    prepared: list[PreparedDocument] = []
    skipped: list[dict[str, str]] = []
    for gold in gold_docs:
        cleaned_or_error: SourceDocument | ReadError
        if gold.corpus == "seed":
            source = (seed_texts or {}).get(gold.doc)
            if source is None:
                skipped.append({"doc": gold.doc, "reason": "seed document not found (pass --seed)"})
                continue
            raw, cleaned_or_error = source.text, source
        else:
            if data_dir is None:
                skipped.append({"doc": gold.doc, "reason": "no --data folder given"})
                continue
            path = data_dir / gold.corpus / gold.doc
            if not path.exists():  # a folder holding the corpus's files directly
                path = data_dir / gold.doc
            if not path.exists():
                skipped.append({"doc": gold.doc, "reason": f"missing file {path}"})
                continue
            raw = read_raw(path)
            cleaned_or_error = _clean(path)
        problems = check_gold(gold, raw)
        if problems:
            skipped.append({"doc": gold.doc, "reason": "; ".join(problems[:3])})
            continue
        if isinstance(cleaned_or_error, ReadError):
            skipped.append({"doc": gold.doc, "reason": f"reader: {cleaned_or_error.reason}"})
            continue
        prepared.append(PreparedDocument(gold, raw, cleaned_or_error))
    return prepared, skipped


ABLATION_STEPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "+identifiers +NER": (("lantern_identifiers", "lantern_entities"), ("ner",)),
    "+name shape": (("lantern_identifiers", "lantern_entities"), ("ner", "name_shape")),
    "+name patterns": (
        ("lantern_identifiers", "lantern_entities"),
        ("ner", "name_shape", "pseudonyms", "patterns", "legal_forms", "addresses"),
    ),
    "+parse names": (("lantern_identifiers", "lantern_entities"), ()),
    "+quote names": (("lantern_identifiers", "lantern_entities", "lantern_quote_names"), ()),
    "+locations": (
        ("lantern_identifiers", "lantern_entities", "lantern_quote_names", "lantern_locations"),
        (),
    ),
    "+linking": (
        (
            "lantern_identifiers",
            "lantern_entities",
            "lantern_quote_names",
            "lantern_locations",
            "lantern_linking",
        ),
        (),
    ),
}
"""Lantern's pipeline built up in order (components, entity rule groups; () = all groups); the step
after the last is the full extractor (+relations, +classifier)."""


def ablation_systems(region: str, seed_region: str) -> dict[str, tuple[System, System]]:
    """One extractor per ablation step (and its twin with the seed's phone region)."""
    from extraction.components.entities import ENTITY_RULES
    from extraction.pipeline import Extractor

    systems: dict[str, tuple[System, System]] = {}
    for name, (components, rules) in ABLATION_STEPS.items():
        kept = rules or ENTITY_RULES
        systems[name] = (
            Extractor(region=region, components=components, entity_rules=kept),
            Extractor(region=seed_region, components=components, entity_rules=kept),
        )
    return systems


DEV, TEST, ALL = "dev", "test", "all"
"""Score groups beside the corpora: the tuning split, the held-out split, everything."""


def split_of(corpus: str, test: frozenset[str]) -> str:
    return TEST if corpus in test else DEV


def evaluate(
    prepared: list[PreparedDocument],
    systems: dict[str, System],
    on_document: Callable[[str, str], None] | None = None,
    per_corpus: dict[str, dict[str, System]] | None = None,
    test_corpora: frozenset[str] = frozenset(),
) -> EvaluationReport:
    """Run every system on every prepared document and score it, per corpus, per split and overall.

    `per_corpus[corpus][name]` replaces system `name` for that corpus's documents (e.g. the Lantern
    extractor configured with the corpus's phone region). `test_corpora` are the held-out corpora."""
    report = EvaluationReport(documents=len(prepared))
    corpora = sorted({item.gold.corpus for item in prepared})
    splits = sorted({split_of(c, test_corpora) for c in corpora})
    groups = corpora + (splits if len(splits) > 1 else []) + ([ALL] if len(corpora) > 1 else [])
    scores = {(name, group): SystemScore(name, group) for name in systems for group in groups}
    for item in prepared:
        same_text = sha256_text(item.cleaned.text) == sha256_text(item.raw)
        alignment = None if same_text else align(item.cleaned.text, item.raw)
        if alignment is not None:
            report.unaligned_lines += alignment.unaligned_lines
        for group in (item.gold.corpus, split_of(item.gold.corpus, test_corpora), ALL):
            if group in groups or group == item.gold.corpus:
                score_reader(report.reader.setdefault(group, ReaderRecall()), item, alignment)
        for name, default_system in systems.items():
            system = (per_corpus or {}).get(item.gold.corpus, {}).get(name, default_system)
            if on_document:
                on_document(name, item.gold.doc)
            try:
                result = system.extract(item.cleaned)
            except Exception as exc:  # a failing document is reported, the run goes on
                report.skipped.append({"doc": item.gold.doc, "reason": f"{name} failed: {exc!r}"})
                continue
            spans = {
                e.id: (e.start, e.end) if alignment is None else alignment.map_span(e.start, e.end)
                for e in result.entities
            }
            predicted = [(e.type, spans[e.id]) for e in result.entities]
            relations = [(r.type, spans.get(r.source), spans.get(r.target)) for r in result.relations]
            split = split_of(item.gold.corpus, test_corpora)
            for group in (item.gold.corpus, split, ALL):
                if (name, group) not in scores:
                    continue
                score_document(scores[(name, group)], item.gold, item.raw, predicted)
                score_relations(scores[(name, group)], item.gold, relations)
    report.systems = list(scores.values())
    return report
