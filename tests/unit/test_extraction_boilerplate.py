"""Boilerplate: a sentence a source repeats in 5+ documents is no evidence of the case (invented
releases of a fictional office; the footer's "children" and "sexual exploitation" are cues)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.feeds.poll import _boilerplate
from api.feeds.store import FeedStore
from api.state import StateStore
from extraction.boilerplate import MIN_DOCUMENTS, Boilerplate, source_key
from extraction.models import ExtractionResult, SourceDocument
from extraction.pipeline import Extractor

FOOTER = (
    "Members of the Examplestown Task Force work every day to protect women and children from "
    "sexual exploitation."
)
CASES = [
    "Dana Fictivna, 34, of Springfield, was sentenced on Monday for the burglary of a warehouse.",
    "Orin Testwell, 51, of Shelbyville, pleaded guilty to fraud against three elderly neighbours.",
    "Mara Exemplova, 29, of Ogdenville, was convicted of arson at a closed factory.",
    "Piet Samplesen, 45, of Capital City, was charged with stealing copper cable from a depot.",
    "Lena Placeholder, 38, of North Haverbrook, recruited a 15-year-old girl at a bus station.",
    "Ivo Mockridge, 62, of Brockway, was sentenced for forging cheques at a bank branch.",
]


def _doc(n: int, body: str, folder: str = "/data/examplestown") -> SourceDocument:
    text = f"EXAMPLESTOWN\n{body}\n{FOOTER}\n"
    return SourceDocument(id=f"release-{n}", text=text, source=f"{folder}/r{n}.txt")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(region="US")


def _indicators(result: ExtractionResult) -> set[str]:
    return {i.type for i in result.classification.indicators}


def _types(result: ExtractionResult) -> set[str]:
    return {t.type for t in result.classification.trafficking_types}


def test_a_footer_every_release_repeats_is_set_aside_and_the_case_keeps_its_own_cues(
    extractor: Extractor,
) -> None:
    docs = [_doc(n, body) for n, body in enumerate(CASES)]
    raw = list(extractor.extract_many(docs))
    assert all("MinorInvolved" in _indicators(r) for r in raw)  # the footer's "children", everywhere
    boilerplate = Boilerplate.of(docs)
    kept = [boilerplate.apply(r) for r in raw]
    assert [_indicators(r) for r in kept] == [set()] * 4 + [{"MinorInvolved"}] + [set()]
    assert [_types(r) for r in kept] == [set()] * 6  # "sexual exploitation" only in the footer
    girl = kept[4]
    assert [i.text for i in girl.classification.indicators] == ["15-year-old"]
    aside = girl.classification.boilerplate
    assert {a.type for a in aside} == {"MinorInvolved", "SexTrafficking"}
    assert all(a.documents == 6 and FOOTER.find(girl.text[a.start : a.end]) >= 0 for a in aside)
    assert kept[0].entities == raw[0].entities  # only the classification changes


def test_too_few_documents_another_source_or_a_short_line_are_kept(extractor: Extractor) -> None:
    docs = [_doc(n, body) for n, body in enumerate(CASES[: MIN_DOCUMENTS - 1])]
    elsewhere = _doc(9, CASES[5], folder="/data/otherville")
    boilerplate = Boilerplate.of([*docs, elsewhere])
    for result in extractor.extract_many([*docs, elsewhere]):
        assert boilerplate.apply(result) == result
        assert "MinorInvolved" in _indicators(result)
    charge = "Pimping a minor"  # a charge in a list: recurs, but too short to be boilerplate
    listed = [
        SourceDocument(id=f"c{n}", text=f"{CASES[n]}\n{charge}\n", source=f"/d/c{n}.txt") for n in range(6)
    ]
    boilerplate = Boilerplate.of(listed)
    for result in extractor.extract_many(listed):
        assert "MinorInvolved" in _indicators(boilerplate.apply(result))


def test_a_repeated_sentence_that_names_a_person_is_about_the_case(extractor: Extractor) -> None:
    # every release of one case repeats its background, with the defendant's name in it
    background = "In March, Lena Placeholder recruited two children from a shelter in Ogdenville."
    docs = [
        SourceDocument(id=f"b{n}", text=f"{c}\n{background}\n", source=f"/d/b{n}.txt")
        for n, c in enumerate(CASES)
    ]
    boilerplate = Boilerplate.of(docs)
    for result in extractor.extract_many(docs):
        assert any(e.text == "Lena Placeholder" for e in result.entities)
        kept = boilerplate.apply(result)
        assert "MinorInvolved" in _indicators(kept) and not kept.classification.boilerplate


def test_a_type_keeps_the_evidence_outside_the_footer_at_its_confidence(extractor: Extractor) -> None:
    case = "Dana Fictivna ran a brothel in Springfield and advertised escorts online."
    docs = [_doc(0, case)] + [_doc(n, body) for n, body in enumerate(CASES[1:], start=1)]
    result = next(extractor.extract_many(docs[:1]))
    before = next(t for t in result.classification.trafficking_types if t.type == "SexTrafficking")
    after = next(t for t in Boilerplate.of(docs).apply(result).classification.trafficking_types)
    assert before.confidence == 0.7 and len(before.spans) == 3  # brothel, escorts (one sentence), the footer
    assert after.type == "SexTrafficking" and after.confidence == 0.55 and len(after.spans) == 2


def test_the_source_is_the_site_then_the_source_field_then_the_folder() -> None:
    site = SourceDocument(id="a", text="x", url="https://News.Example.com/a/1")
    assert source_key(site) == "news.example.com"
    assert source_key(SourceDocument(id="a", text="x", source="/data/da/release.txt")) == "/data/da"
    assert source_key(SourceDocument(id="a", text="x", source="Danube Post")) == "Danube Post"
    assert source_key(SourceDocument(id="a", text="x", source="/data/all.jsonl")) == "/data/all.jsonl"


def test_the_ingest_hash_changes_when_a_sentence_becomes_boilerplate() -> None:
    docs = [_doc(n, body) for n, body in enumerate(CASES)]
    four = Boilerplate.of(docs[:4])
    assert four.held(docs[0]) == ""
    five = Boilerplate.of(docs[:5])
    assert five.held(docs[0]).startswith("|boilerplate:")
    assert five.held(docs[0]) == Boilerplate.of(docs).held(docs[0])  # the same sentences: the same hash
    lone = SourceDocument(id="z", text=CASES[0], source="/data/examplestown/z.txt")
    assert five.held(lone) == ""


def test_extract_sets_boilerplate_aside_and_says_so_unless_asked_to_keep_it(tmp_path: Path) -> None:
    folder = tmp_path / "examplestown"
    folder.mkdir()
    for n, body in enumerate(CASES):
        (folder / f"release-{n}.txt").write_text(f"{body}\n{FOOTER}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = CliRunner().invoke(app, ["extract", str(folder), "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "Set aside 12 type/indicator cue(s) in 6 document(s)" in " ".join(done.output.split())
    results = [ExtractionResult.model_validate_json(line) for line in out.read_text().splitlines()]
    assert [sorted(_indicators(r)) for r in results] == [[]] * 4 + [["MinorInvolved"]] + [[]]
    kept = CliRunner().invoke(app, ["extract", str(folder), "--out", str(out), "--keep-boilerplate"])
    assert kept.exit_code == 0 and "Set aside" not in kept.output
    results = [ExtractionResult.model_validate_json(line) for line in out.read_text().splitlines()]
    assert all("MinorInvolved" in _indicators(r) and not r.classification.boilerplate for r in results)


def test_a_feed_learns_its_boilerplate_across_polls(tmp_path: Path, extractor: Extractor) -> None:
    feeds = FeedStore(StateStore(tmp_path / "state.sqlite"))
    articles = [
        SourceDocument(id=f"feed:{n}", text=f"{body}\n{FOOTER}\n", url=f"https://da.example.com/{n}")
        for n, body in enumerate(CASES)
    ]
    first = articles[:3]  # three articles: not yet boilerplate
    found = _boilerplate(feeds, first, {d.id: (d.url or "", "h", False) for d in first})
    assert all(found.apply(r).classification.boilerplate == [] for r in extractor.extract_many(first))
    for doc in first:
        feeds.remember(doc.url or "", 1, doc.id, "h", source_key(doc), _prints(doc))
    feeds.remember(first[0].url or "", 1, first[0].id, "h2")  # changed article: its sentences count once
    second = [first[0], *articles[3:5]]  # 3 earlier + 2 new = 5; the changed one is not counted again
    known = {d.id: (d.url or "", "h", d is first[0]) for d in second}
    found = _boilerplate(feeds, second, known)
    for result in extractor.extract_many(second):
        assert {a.documents for a in found.apply(result).classification.boilerplate} == {5}


def _prints(doc: SourceDocument) -> set[str]:
    from extraction.boilerplate import fingerprints

    return fingerprints(doc.text)
