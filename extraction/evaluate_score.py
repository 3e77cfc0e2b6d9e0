"""Per-type precision / recall / F1 (exact and partial span match) against the gold set.

Predictions arrive already in raw offsets (see `evaluate_align`). A prediction outside the gold
body region is a boilerplate entity: it is counted per type and NOT scored as a false positive
(it is reported separately, target 0). A prediction on a line the aligner could not place is
counted as unaligned.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from extraction.evaluate_gold import GOLD_TYPES, HEADLINE_TYPES, ORGANISATIONS, GoldDocument
from ontology.names import C

ORGANISATION_KINDS: tuple[str, ...] = (C.Business, C.Authority, C.Organization)
"""Annotated organisation types, most specific first (Business and Authority are Organizations)."""


@lru_cache(maxsize=256)
def scored_types(ontology_type: str) -> tuple[str, ...]:
    """Scored types of a predicted ontology class: its annotated type (City → Location, NGO →
    Organization, FrontBusiness → Business) plus the Organisation group for every organisation.
    Raw spaCy's ORG arrives as `Organisation` and counts only in the group. Unscored classes
    (Website, Vehicle, ...) give ()."""
    if ontology_type == ORGANISATIONS:
        return (ORGANISATIONS,)
    from ontology.loader import load_ontology

    onto = load_ontology()
    if not onto.is_class(ontology_type):
        return ()
    for kind in ORGANISATION_KINDS:
        if onto.is_subclass(ontology_type, kind):
            return (kind, ORGANISATIONS)
    for kind in (C.Person, C.Location, C.Phone, C.Email):
        if onto.is_subclass(ontology_type, kind):
            return (kind,)
    return ()


def gold_scored_types(gold_type: str) -> tuple[str, ...]:
    return (gold_type, ORGANISATIONS) if gold_type in ORGANISATION_KINDS else (gold_type,)


MAX_EXAMPLES = 40


@dataclass(frozen=True)
class Span:
    type: str
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class TypeCounts:
    gold: int = 0
    predicted: int = 0
    exact_tp: int = 0
    partial_pred_tp: int = 0
    """Predictions overlapping a gold span of the same type."""
    partial_gold_tp: int = 0
    """Gold spans overlapped by a prediction of the same type."""

    def scores(self) -> dict[str, float | None]:
        """P/R/F1; None where undefined (precision with no prediction, recall with no gold)."""

        def prf(tp_p: int, tp_r: int) -> tuple[float | None, float | None, float | None]:
            precision = round(tp_p / self.predicted, 4) if self.predicted else None
            recall = round(tp_r / self.gold, 4) if self.gold else None
            if not self.gold and not self.predicted:
                return None, None, None
            p, r = precision or 0.0, recall or 0.0
            f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
            return precision, recall, f1

        ep, er, ef = prf(self.exact_tp, self.exact_tp)
        pp, pr, pf = prf(self.partial_pred_tp, self.partial_gold_tp)
        return {
            "exact_p": ep,
            "exact_r": er,
            "exact_f1": ef,
            "partial_p": pp,
            "partial_r": pr,
            "partial_f1": pf,
        }


@dataclass
class SystemScore:
    name: str
    corpus: str = "all"
    counts: dict[str, TypeCounts] = field(default_factory=lambda: {t: TypeCounts() for t in GOLD_TYPES})
    boilerplate: Counter[str] = field(default_factory=Counter)
    unaligned: Counter[str] = field(default_factory=Counter)
    errors: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    """type -> error kind -> count. For gold spans: missed, boundary (same type, other span),
    wrong_type (overlapped only by another type). For predictions: spurious (overlaps no gold),
    inside_other_type (overlaps only gold of another type)."""
    examples: list[dict[str, Any]] = field(default_factory=list)
    relations_predicted: int = 0
    relations_correct: int = 0
    relations_gold: int = 0
    relations_found: int = 0

    def macro(self, key: str) -> float:
        values = [self.counts[t].scores()[key] or 0.0 for t in HEADLINE_TYPES if self.counts[t].gold]
        return round(sum(values) / len(values), 4) if values else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.name,
            "corpus": self.corpus,
            "per_type": {t: {**vars(c), **c.scores()} for t, c in self.counts.items()},
            "macro_exact_f1": self.macro("exact_f1"),
            "macro_partial_f1": self.macro("partial_f1"),
            "boilerplate_entities": dict(self.boilerplate),
            "unaligned_entities": dict(self.unaligned),
            "errors": {t: dict(c) for t, c in self.errors.items()},
            "relation_precision": (
                round(self.relations_correct / self.relations_predicted, 4)
                if self.relations_predicted
                else None
            ),
            "relations_predicted": self.relations_predicted,
            "relation_recall": (
                round(self.relations_found / self.relations_gold, 4) if self.relations_gold else None
            ),
            "relations_gold": self.relations_gold,
            "examples": self.examples,
        }


def _example(score: SystemScore, kind: str, doc: str, raw: str, gold: Span | None, pred: Span | None) -> None:
    if sum(1 for e in score.examples if e["kind"] == kind) >= MAX_EXAMPLES:
        return
    item: dict[str, Any] = {"kind": kind, "doc": doc}
    if gold:
        item["gold"] = {"type": gold.type, "text": raw[gold.start : gold.end]}
    if pred:
        item["predicted"] = {"type": pred.type, "text": raw[pred.start : pred.end]}
    score.examples.append(item)


def score_document(
    score: SystemScore,
    gold_doc: GoldDocument,
    raw: str,
    predicted: list[tuple[str, tuple[int, int] | None]],
) -> None:
    """Add one document's predictions `(ontology type, raw (start, end) or None if unaligned)`."""
    gold = {Span(t, m.start, m.end) for m in gold_doc.mentions for t in gold_scored_types(m.type)}
    preds: set[Span] = set()
    for ontology_type, offsets in predicted:
        for kind in scored_types(ontology_type):
            if offsets is None:
                score.unaligned[kind] += 1
                continue
            span = Span(kind, *offsets)
            if not gold_doc.in_body(span.start, span.end):
                score.boilerplate[kind] += 1
                if kind != ORGANISATIONS:
                    _example(score, "boilerplate", gold_doc.doc, raw, None, span)
                continue
            preds.add(span)

    for t in GOLD_TYPES:
        g = {s for s in gold if s.type == t}
        p = {s for s in preds if s.type == t}
        c = score.counts[t]
        c.gold += len(g)
        c.predicted += len(p)
        c.exact_tp += len(g & p)
        c.partial_pred_tp += sum(1 for s in p if any(s.overlaps(x) for x in g))
        c.partial_gold_tp += sum(1 for s in g if any(s.overlaps(x) for x in p))
        for s in g - p:
            same_type = [x for x in p if x.overlaps(s)]
            other = [x for x in preds if x.type != t and x.overlaps(s)]
            if same_type:
                kind_ = "boundary"
            elif other:
                kind_ = "wrong_type"
            else:
                kind_ = "missed"
            score.errors[t][kind_] += 1
            shown = same_type[0] if same_type else (other[0] if other else None)
            _example(score, f"{kind_}:{t}", gold_doc.doc, raw, s, shown)
        for s in p - g:
            if not any(s.overlaps(x) for x in gold):
                score.errors[t]["spurious"] += 1
                _example(score, f"spurious:{t}", gold_doc.doc, raw, None, s)
            elif not any(s.overlaps(x) for x in g):
                # overlaps only gold of another type, e.g. "Orange County" inside an agency name
                clash = next(x for x in gold if s.overlaps(x))
                score.errors[t]["inside_other_type"] += 1
                _example(score, f"inside_other_type:{t}", gold_doc.doc, raw, clash, s)
