"""Extraction work grows linearly with the document (issue 23: a 48 KB document of relation sentences
took 43 s). Counted in Python function calls, not seconds, so the test never depends on the machine."""

from __future__ import annotations

import cProfile
import pstats
import random

import pytest

from extraction.components.base import SpanSet
from extraction.models import SourceDocument
from extraction.pipeline import Extractor

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
LAST = ["Kowal", "Lemaire", "Moreno", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka"]
CITIES = ["Leeds", "Bristol", "Madrid", "Lyon", "Porto", "Gdansk", "Turin", "Bergen"]


def _relations_text(sentences: int) -> str:
    parts = []
    for i in range(sentences):
        a = f"{FIRST[i % 10]} {LAST[(i * 3) % 10]}"
        b = f"{FIRST[(i + 3) % 10]} {LAST[(i * 7 + 1) % 10]}"
        parts.append(f"{a} recruited {b} in {CITIES[i % 8]}. Call 555-01{i % 100:02d} for {b}. ")
    return "".join(parts)


def _calls(extractor: Extractor, text: str) -> int:
    profile = cProfile.Profile()
    profile.enable()
    extractor.extract(SourceDocument(id="x", text=text))
    profile.disable()
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


@pytest.mark.parametrize("sentences", [100])
def test_doubling_the_document_at_most_doubles_the_work(sentences: int) -> None:
    extractor = Extractor()
    _calls(extractor, _relations_text(10))  # warm caches (patterns, word lists)
    small = _calls(extractor, _relations_text(sentences))
    large = _calls(extractor, _relations_text(sentences * 4))
    assert large / small < 4 * 1.25, (small, large)


def test_span_set_agrees_with_a_scan() -> None:
    rng = random.Random(7)
    taken = SpanSet()
    spans: list[tuple[int, int]] = []
    for _ in range(2000):
        start = rng.randrange(0, 5000)
        end = start + rng.randrange(1, 40)
        scan = any(start < b and a < end for a, b in spans)
        assert taken.overlaps(start, end) == scan
        if not scan or rng.random() < 0.2:
            taken.add(start, end)
            spans.append((start, end))
