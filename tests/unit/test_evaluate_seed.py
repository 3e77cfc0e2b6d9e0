"""Seed gold loading: ontology subclasses fold into scored types, unknown types are dropped."""

from __future__ import annotations

import json
from pathlib import Path

from extraction.evaluate_gold import check_gold, sha256_text
from extraction.evaluate_seed import load_seed_gold

TEXT = "Call 07700 900123 or mail ivy@example.org about Marsh Lane Lettings in Dunmere, Ruritania."


def _at(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def test_seed_gold_maps_types_and_spans(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    doc = {"id": "seed-9001", "text": TEXT, "title": "Fiction", "doc_type": "Advertisement"}
    (tmp_path / "corpus" / "advertisements.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    mentions = [
        ("Phone", "07700 900123"),
        ("Email", "ivy@example.org"),
        ("FrontBusiness", "Marsh Lane Lettings"),
        ("City", "Dunmere"),
        ("Country", "Ruritania"),
        ("SocialHandle", "ivy"),
    ]
    gold_line = {
        "id": "seed-9001",
        "mentions": [{"type": t, "start": _at(n)[0], "end": _at(n)[1], "value": n} for t, n in mentions],
    }
    (tmp_path / "gold_entities.jsonl").write_text(json.dumps(gold_line) + "\n", encoding="utf-8")

    gold, texts = load_seed_gold(tmp_path)

    assert [g.doc for g in gold] == ["seed-9001"]
    assert texts["seed-9001"].text == TEXT
    got = [(m.type, TEXT[m.start : m.end]) for m in gold[0].mentions]
    assert got == [
        ("Phone", "07700 900123"),
        ("Email", "ivy@example.org"),
        ("Business", "Marsh Lane Lettings"),
        ("Location", "Dunmere"),
        ("Location", "Ruritania"),
    ]
    assert gold[0].corpus == "seed" and gold[0].body == [(0, len(TEXT))]
    assert check_gold(gold[0], TEXT) == []


def test_missing_seed_gold_is_empty(tmp_path: Path) -> None:
    assert load_seed_gold(tmp_path) == ([], {})


def test_supplement_adds_missing_mentions_only_for_the_same_text(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    text = "Ivo Marsh met Dana Kell. Marsh paid Kell."
    doc = {"id": "seed-9002", "text": text}
    (tmp_path / "corpus" / "news.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    gold_line = {
        "id": "seed-9002",
        "mentions": [{"type": "Person", "start": 0, "end": 9, "value": "Ivo Marsh"}],
    }
    (tmp_path / "gold_entities.jsonl").write_text(json.dumps(gold_line) + "\n", encoding="utf-8")
    marsh = text.index("Marsh paid")
    supplement = tmp_path / "supplement.jsonl"
    lines = [
        {"doc": "seed-9002", "sha256": sha256_text(text), "mentions": [
            {"type": "Person", "start": marsh, "end": marsh + 5},
            {"type": "Person", "start": 0, "end": 3},  # overlaps the seed's own span: ignored
        ]},
        {"doc": "seed-9002", "sha256": "0" * 64, "mentions": [{"type": "Person", "start": 14, "end": 23}]},
    ]  # fmt: skip
    supplement.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")

    gold, _ = load_seed_gold(tmp_path, supplement=supplement)

    assert [text[m.start : m.end] for m in gold[0].mentions] == ["Ivo Marsh", "Marsh"]
