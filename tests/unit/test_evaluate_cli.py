"""`lantern evaluate extraction` end to end on a fictional scraped page (baseline only)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from extraction.evaluate_gold import GoldDocument, GoldMention, save_gold, sha256_text

PAGE = "\n".join(
    [
        "Dunmere Man Charged - Example County Prosecutor",
        "Skip to content",
        "Search for",
        "Press",
        "3 min read",
        "Dunmere Man Charged",
        "Author",
        "Press Desk",
        "Published",
        "March 3, 2024",
        "Home",
        "Press",
        "Dunmere Man Charged",
        "BRAMBLEFORD – Tobias Quill, 41, of Dunmere, was charged today with pimping a woman.",
        "Quill is accused of advertising the victim at the Willow Motel in Kestrel Bay.",
        "Share",
        "Latest Posts",
        "Ada Fenwick of Bramblewood honoured",
        "",
    ]
)


def _mention(kind: str, needle: str, nth: int = 0) -> GoldMention:
    start = -1
    for _ in range(nth + 1):
        start = PAGE.index(needle, start + 1)
    return GoldMention(type=kind, start=start, end=start + len(needle))


def test_extraction_command_scores_the_baseline(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "press_dunmere.txt").write_text(PAGE, encoding="utf-8")
    body_start = PAGE.index("Dunmere Man Charged\nBRAMBLEFORD")
    body_end = PAGE.index("\nShare")
    gold = GoldDocument(
        doc="press_dunmere.txt",
        sha256=sha256_text(PAGE),
        body=[(body_start, body_end)],
        mentions=[
            _mention("Location", "Dunmere", nth=2),
            _mention("Location", "BRAMBLEFORD"),
            _mention("Person", "Tobias Quill"),
            _mention("Location", "Dunmere", nth=3),
            _mention("Person", "Quill", nth=1),
            _mention("Business", "Willow Motel"),
            _mention("Location", "Kestrel Bay"),
        ],
    )
    gold_path = tmp_path / "gold.jsonl"
    save_gold([gold, gold.model_copy(update={"doc": "press_missing.txt"})], gold_path)
    out = tmp_path / "report.json"

    result = CliRunner().invoke(
        app,
        [
            "evaluate", "extraction", "--gold", str(gold_path), "--data", str(data),
            "--no-seed", "--no-lantern", "--baseline", "--out", str(out),
        ],
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert "press_missing.txt" in result.output  # reported, the run goes on
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["documents"] == 1
    assert report["skipped"][0]["doc"] == "press_missing.txt"
    (system,) = report["systems"]
    assert system["system"] == "spacy-sm" and system["corpus"] == "orange_ca"
    assert system["per_type"]["Person"]["gold"] == 2
    assert system["per_type"]["Location"]["gold"] == 4
    # the reader drops the "latest posts", so nothing can be predicted there
    assert system["boilerplate_entities"] == {}
    assert system["unaligned_entities"] == {}
    assert report["unaligned_cleaned_lines"] == 0


def test_extraction_command_explains_a_missing_gold_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["evaluate", "extraction", "--gold", str(tmp_path / "nope.jsonl"), "--data", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "--gold" in result.output
