"""The committed development gold is well formed (and matches the raw releases when they are present)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from extraction.evaluate_gold import GOLD_TYPES, check_gold, load_gold, read_raw

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "extraction" / "gold" / "orange_ca.jsonl"
DATA = REPO.parent / "shared" / "data" / "press-releases" / "orange_ca"


def test_gold_is_well_formed() -> None:
    docs = load_gold(GOLD)
    assert len(docs) >= 40
    assert len({d.doc for d in docs}) == len(docs)
    for doc in docs:
        assert doc.body and all(start < end for start, end in doc.body)
        assert doc.body == sorted(doc.body)
        spans = sorted((m.start, m.end) for m in doc.mentions)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans)), doc.doc
        assert {m.type for m in doc.mentions} <= set(GOLD_TYPES)
        for m in doc.mentions:
            assert m.ref is None or doc.mentions[m.ref].type == m.type
        for r in doc.relations:
            assert r.type in {t.partition(":")[0] for t in doc.relation_types}
    assert sum(len(d.relations) for d in docs) > 0


@pytest.mark.skipif(not DATA.is_dir(), reason="the raw press releases (../shared/data) are not present")
def test_gold_matches_the_raw_releases() -> None:
    problems = [p for doc in load_gold(GOLD) for p in check_gold(doc, read_raw(DATA / doc.doc))]
    assert problems == []
