"""Relation precision and recall against the gold relations (entity-level, symmetric-aware)."""

from __future__ import annotations

from extraction.evaluate_gold import GoldDocument, GoldMention
from extraction.evaluate_score import SystemScore
from ontology import load_ontology

SYMMETRIC_RELATIONS = load_ontology().symmetric_types()


def _hits(span: tuple[int, int], mentions: list[GoldMention]) -> bool:
    return any(m.start < span[1] and span[0] < m.end for m in mentions)


def _scored(rel_type: str, source: tuple[int, int], gold_doc: GoldDocument) -> bool:
    for entry in gold_doc.relation_types:
        name, _, source_class = entry.partition(":")
        if name != rel_type:
            continue
        if not source_class:
            return True
        if _hits(source, [m for m in gold_doc.mentions if m.type == source_class]):
            return True
    return False


def score_relations(
    score: SystemScore,
    gold_doc: GoldDocument,
    predicted: list[tuple[str, tuple[int, int] | None, tuple[int, int] | None]],
) -> None:
    """Relation precision and recall on documents with `relation_types`.

    A predicted `(type, source span, target span)` is correct when a gold relation of that type
    links entities one of whose mentions overlaps each end (either direction for symmetric types).
    Predicted types the document does not annotate are not scored."""
    if not gold_doc.relation_types:
        return
    gold = [(r.type, gold_doc.cluster(r.source), gold_doc.cluster(r.target)) for r in gold_doc.relations]
    found = [False] * len(gold)
    for rel_type, source, target in predicted:
        if source is None or target is None or not _scored(rel_type, source, gold_doc):
            continue
        score.relations_predicted += 1
        correct = False
        for k, (t, src, tgt) in enumerate(gold):
            if t != rel_type:
                continue
            forward = _hits(source, src) and _hits(target, tgt)
            backward = t in SYMMETRIC_RELATIONS and _hits(source, tgt) and _hits(target, src)
            if forward or backward:
                found[k] = correct = True
        score.relations_correct += correct
    score.relations_gold += len(gold)
    score.relations_found += sum(found)
