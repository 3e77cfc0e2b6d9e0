"""The committed development gold is well formed (and matches the raw releases when they are present)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from extraction.evaluate_gold import (
    ANNOTATED_TYPES,
    check_gold,
    gold_files,
    held_out,
    load_gold,
    read_raw,
)

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "press-releases"
PERSON_ROLES = {"charged", "official", "victim", "witness", "other"}
IDENTIFIER_ROLES = {"case", "contact"}


def test_gold_covers_seven_offices_and_a_held_out_split() -> None:
    files = gold_files()
    docs = [doc for path in files for doc in load_gold(path)]
    corpora = {d.corpus for d in docs}
    assert {p.stem for p in files} == corpora  # one file per source, named after it
    assert len(corpora) >= 7
    assert sum(1 for d in docs if d.corpus != "orange_ca") >= 150
    test = held_out()
    assert test and test < corpora and corpora - test  # both splits present


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_is_well_formed(path: Path) -> None:
    docs = load_gold(path)
    assert docs
    assert len({d.doc for d in docs}) == len(docs)
    for doc in docs:
        assert doc.corpus == path.stem
        assert doc.body and all(start < end for start, end in doc.body)
        assert doc.body == sorted(doc.body)
        spans = sorted((m.start, m.end) for m in doc.mentions)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans)), doc.doc
        assert {m.type for m in doc.mentions} <= set(ANNOTATED_TYPES)
        for m in doc.mentions:
            assert m.ref is None or doc.mentions[m.ref].type == m.type
            if m.role is not None:
                assert m.ref is None, "a role sits on the entity's first mention"
                allowed = PERSON_ROLES if m.type == "Person" else IDENTIFIER_ROLES
                assert m.role in allowed, (doc.doc, m)
        for r in doc.relations:
            assert r.type in {t.partition(":")[0] for t in doc.relation_types}


def test_every_person_entity_has_a_role() -> None:
    for path in gold_files():
        for doc in load_gold(path):
            firsts = [m for m in doc.mentions if m.type == "Person" and m.ref is None]
            assert [m for m in firsts if m.role is None] == [], doc.doc


@pytest.mark.skipif(not DATA.is_dir(), reason="the raw press releases (../shared/data) are not present")
@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_matches_the_raw_releases(path: Path) -> None:
    problems = [p for doc in load_gold(path) for p in check_gold(doc, read_raw(DATA / doc.corpus / doc.doc))]
    assert problems == []
