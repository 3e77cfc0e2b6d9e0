"""The scorer and the evaluation loop on small fictional documents."""

from __future__ import annotations

from pathlib import Path

from extraction.evaluate import PreparedDocument, evaluate
from extraction.evaluate_gold import (
    GoldDocument,
    GoldMention,
    check_gold,
    load_gold,
    save_gold,
    sha256_text,
)
from extraction.evaluate_score import SystemScore, score_document
from extraction.models import EntityMention, ExtractionResult, SourceDocument

RAW = (
    "Menu\n"
    "Home\n"
    "BRAMBLEFORD – Tobias Quill ran the Willow Motel in Dunmere.\n"
    "Quill used 555-0142 and tq@example.com.\n"
    "Latest Posts\n"
    "Ada Fenwick opens a library in Bramblewood\n"
)


def span(needle: str) -> tuple[int, int]:
    start = RAW.index(needle)
    return start, start + len(needle)


def mention(kind: str, needle: str) -> GoldMention:
    start, end = span(needle)
    return GoldMention(type=kind, start=start, end=end)


BODY_START = RAW.index("BRAMBLEFORD")
BODY_END = RAW.index("\nLatest Posts")
GOLD = GoldDocument(
    doc="fiction.txt",
    sha256=sha256_text(RAW),
    body=[(BODY_START, BODY_END)],
    mentions=[
        mention("Location", "BRAMBLEFORD"),
        mention("Person", "Tobias Quill"),
        mention("Business", "Willow Motel"),
        mention("Location", "Dunmere"),
        GoldMention(type="Person", start=RAW.index("Quill used"), end=RAW.index("Quill used") + 5),
        mention("Phone", "555-0142"),
        mention("Email", "tq@example.com"),
    ],
)


def test_exact_partial_boilerplate_and_error_kinds() -> None:
    score = SystemScore("test")
    predicted: list[tuple[str, tuple[int, int] | None]] = [
        ("Location", span("BRAMBLEFORD")),  # exact
        ("Person", span("Tobias")),  # boundary (partial only)
        ("Person", span("Willow Motel")),  # wrong type
        ("City", span("Dunmere")),  # ontology subclass -> Location, exact
        ("Phone", span("555-0142")),  # exact
        ("Email", span("tq@example.com")),  # exact
        ("Person", span("Ada Fenwick")),  # outside the body: boilerplate
        ("Person", None),  # unaligned
        ("Website", span("example.com")),  # not a scored type: ignored
    ]
    score_document(score, GOLD, RAW, predicted)
    person = score.counts["Person"]
    assert (person.gold, person.predicted, person.exact_tp) == (2, 2, 0)
    assert (person.partial_pred_tp, person.partial_gold_tp) == (1, 1)
    assert person.scores()["exact_f1"] == 0.0
    assert person.scores()["partial_p"] == 0.5
    location = score.counts["Location"].scores()
    assert location["exact_p"] == 1.0 and location["exact_r"] == 1.0
    assert score.counts["Business"].scores()["exact_r"] == 0.0
    assert score.counts["Business"].scores()["exact_p"] is None
    assert score.boilerplate == {"Person": 1}
    assert score.unaligned == {"Person": 1}
    assert score.errors["Person"]["boundary"] == 1
    assert score.errors["Person"]["missed"] == 1
    assert score.errors["Business"]["wrong_type"] == 1
    assert score.errors["Person"]["spurious"] == 0
    assert score.errors["Person"]["inside_other_type"] == 1  # "Willow Motel" predicted as Person
    kinds = {e["kind"] for e in score.examples}
    assert {"boilerplate", "boundary:Person", "wrong_type:Business"} <= kinds


def test_types_without_gold_or_predictions_have_no_score() -> None:
    score = SystemScore("empty")
    score_document(score, GOLD.model_copy(update={"mentions": []}), RAW, [])
    assert score.counts["Email"].scores()["exact_f1"] is None
    assert score.macro("exact_f1") == 0.0


class _Echo:
    """A fake extractor that finds fixed strings in whatever text it is given."""

    def __init__(self, found: list[tuple[str, str]]) -> None:
        self.found = found

    def extract(self, doc: SourceDocument) -> ExtractionResult:
        entities = []
        for i, (kind, needle) in enumerate(self.found):
            start = doc.text.find(needle)
            if start >= 0:
                entities.append(
                    EntityMention(
                        id=f"e{i}",
                        type=kind,
                        text=needle,
                        start=start,
                        end=start + len(needle),
                        value=needle,
                        confidence=1.0,
                    )
                )
        return ExtractionResult(id=doc.id, text=doc.text, entities=entities)


def test_evaluate_aligns_cleaned_text_with_dropped_lines() -> None:
    # the reader dropped the menu and the latest posts, and stripped nothing else
    cleaned = RAW[BODY_START:BODY_END]
    prepared = [PreparedDocument(GOLD, RAW, SourceDocument(id="fiction", text=cleaned))]
    perfect = _Echo(
        [
            ("Location", "BRAMBLEFORD"),
            ("Person", "Tobias Quill"),
            ("Business", "Willow Motel"),
            ("Location", "Dunmere"),
            ("Person", "Quill "),  # sloppy: first found inside "Tobias Quill", so the surname is missed
            ("Phone", "555-0142"),
            ("Email", "tq@example.com"),
        ]
    )
    report = evaluate(prepared, {"echo": perfect})
    counts = report.systems[0].counts
    assert counts["Phone"].exact_tp == 1 and counts["Email"].exact_tp == 1
    assert counts["Business"].exact_tp == 1
    assert counts["Person"].exact_tp == 1
    assert counts["Person"].partial_pred_tp == 2 and counts["Person"].partial_gold_tp == 1
    assert report.systems[0].boilerplate == {}
    assert report.unaligned_lines == 0


def test_evaluate_counts_entities_in_kept_boilerplate() -> None:
    cleaned = RAW.strip()  # a reader that kept everything
    prepared = [PreparedDocument(GOLD, RAW, SourceDocument(id="fiction", text=cleaned))]
    report = evaluate(prepared, {"echo": _Echo([("Person", "Ada Fenwick"), ("Location", "Bramblewood")])})
    assert report.systems[0].boilerplate == {"Person": 1, "Location": 1}


def test_gold_roundtrip_and_checks(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    save_gold([GOLD], path)
    text = path.read_text(encoding="utf-8")
    assert "Tobias" not in text  # offsets only, never the text
    loaded = load_gold(path)
    assert loaded == [GOLD]
    assert check_gold(loaded[0], RAW) == []
    assert any("sha256" in p for p in check_gold(loaded[0], RAW + "changed"))
    outside = GOLD.model_copy(update={"mentions": [mention("Person", "Ada Fenwick")]})
    assert any("outside the body" in p for p in check_gold(outside, RAW))
