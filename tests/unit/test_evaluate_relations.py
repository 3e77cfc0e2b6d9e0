"""Relation precision/recall: entity clusters, symmetric types, only annotated types scored."""

from __future__ import annotations

from extraction.evaluate_gold import GoldDocument, GoldMention, GoldRelation, sha256_text
from extraction.evaluate_relations import score_relations
from extraction.evaluate_score import SystemScore

TEXT = "Mara Lind, 30, Dunmere, and Otto Brask recruited Jane Doe. Lind drove Jane Doe to Kestrel Bay."


def at(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def m(kind: str, needle: str, nth: int = 0, ref: int | None = None) -> GoldMention:
    start, end = at(needle, nth)
    return GoldMention(type=kind, start=start, end=end, ref=ref)


GOLD = GoldDocument(
    doc="fiction",
    corpus="seed",
    sha256=sha256_text(TEXT),
    body=[(0, len(TEXT))],
    mentions=[
        m("Person", "Mara Lind"),  # 0
        m("Location", "Dunmere"),  # 1
        m("Person", "Otto Brask"),  # 2
        m("Person", "Jane Doe"),  # 3
        m("Person", "Lind", nth=1, ref=0),  # 4: surname-only mention of 0
        m("Person", "Jane Doe", nth=1, ref=3),  # 5
        m("Location", "Kestrel Bay"),  # 6
    ],
    relations=[
        GoldRelation(type="LOCATED_IN", source=0, target=1),
        GoldRelation(type="CO_ACCUSED", source=0, target=2),
        GoldRelation(type="RECRUITED", source=0, target=3),
        GoldRelation(type="RECRUITED", source=2, target=3),
    ],
    relation_types=["LOCATED_IN:Person", "CO_ACCUSED", "RECRUITED"],
)


def test_relation_precision_and_recall() -> None:
    score = SystemScore("test")
    score_relations(
        score,
        GOLD,
        [
            ("RECRUITED", at("Lind", 1), at("Jane Doe", 1)),  # via the surname mention: correct
            ("CO_ACCUSED", at("Otto Brask"), at("Mara Lind")),  # symmetric, reversed: correct
            ("LOCATED_IN", at("Mara Lind"), at("Kestrel Bay")),  # wrong place
            ("LOCATED_IN", at("Dunmere"), at("Kestrel Bay")),  # Location source: not annotated, ignored
            ("TRANSPORTED", at("Lind", 1), at("Jane Doe", 1)),  # type not annotated here: ignored
            ("RECRUITED", at("Jane Doe"), None),  # unaligned end: ignored
        ],
    )
    assert (score.relations_predicted, score.relations_correct) == (3, 2)
    assert (score.relations_gold, score.relations_found) == (4, 2)
    report = score.to_dict()
    assert report["relation_precision"] == round(2 / 3, 4)
    assert report["relation_recall"] == 0.5


def test_documents_without_relation_annotation_are_not_scored() -> None:
    score = SystemScore("test")
    unannotated = GOLD.model_copy(update={"relations": [], "relation_types": []})
    score_relations(score, unannotated, [("RECRUITED", at("Mara Lind"), at("Jane Doe"))])
    assert score.relations_predicted == 0
    assert score.to_dict()["relation_precision"] is None
