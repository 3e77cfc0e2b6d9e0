"""`lantern ingest` end to end: extraction JSONL, raw documents through the extractor, --delete."""

from __future__ import annotations

import json
from pathlib import Path

from api.config import Settings
from graph.db import Database
from graph.ingest import ingest_paths
from ontology.schema import apply_schema
from tests.fixtures.ingest_world import sample_world
from tests.integration.cli import lantern as _lantern
from tests.integration.test_ingest_graph import node, rels
from tests.unit.test_extraction_boilerplate import CASES, FOOTER


def test_cli_ingests_jsonl_reports_summary_and_deletes(
    db: Database, neo4j_settings: Settings, tmp_path: Path
) -> None:
    apply_schema(db)
    corpus = tmp_path / "extracted.jsonl"
    corpus.write_text(
        "".join(r.to_json() + "\n" for r in sample_world()) + '{"id": "broken", "entities": 1}\n'
    )
    first = _lantern(neo4j_settings, "ingest", str(corpus), "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["written"] == 4 and [f["id"] for f in summary["failed"]] == ["broken"]

    table = _lantern(neo4j_settings, "ingest", str(corpus))
    assert table.returncode == 0 and "documents skipped (unchanged)" in table.stdout
    assert "broken" in table.stderr

    deleted = _lantern(neo4j_settings, "ingest", "--delete", "doc-4", "--json")
    assert json.loads(deleted.stdout)["deleted"] == 1
    assert node(db, "doc-4") is None and node(db, "person:maria lopez") is None

    missing = _lantern(neo4j_settings, "ingest", str(tmp_path / "nope.jsonl"))
    assert missing.returncode != 0 and "no such file" in missing.stderr


def test_raw_documents_go_through_the_extractor_and_rerun_skips(db: Database, tmp_path: Path) -> None:
    apply_schema(db)
    (tmp_path / "a.txt").write_text(
        "Police in Leeds arrested Viktor Petrov on suspicion of forced labour. Petrov told recruits to call "
        "+44 7700 900123 about jobs at Sunrise Cleaning Ltd.\n"
    )
    (tmp_path / "b.txt").write_text("Maria Lopez was contacted by jobs@example.com and on +44 7700 900123.\n")
    first = ingest_paths(db, [tmp_path], region="GB")
    assert (first.written, first.failed) == (2, [])
    phone = node(db, "phone:+447700900123")
    assert phone is not None and phone["doc_count"] == 2

    class NoExtraction:  # same model/region as the default: unchanged raw documents are not re-extracted
        model, region = "en_core_web_sm", "GB"

        def extract_many(self, docs, n_process=1):  # type: ignore[no-untyped-def]
            raise AssertionError(f"re-extracted {[d.id for d in docs]}")

    again = ingest_paths(db, [tmp_path], region="GB", extractor=NoExtraction())
    assert (again.skipped, again.written, again.failed) == (2, 0, [])
    (tmp_path / "b.txt").write_text("Maria Lopez was contacted by jobs@example.com.\n")
    changed = ingest_paths(db, [tmp_path], region="GB")
    assert (changed.skipped, changed.replaced) == (1, 1)
    assert node(db, "phone:+447700900123")["doc_count"] == 1  # type: ignore[index]


def test_a_footer_becomes_boilerplate_when_the_fifth_release_repeats_it(db: Database, tmp_path: Path) -> None:
    apply_schema(db)
    folder = tmp_path / "examplestown"
    folder.mkdir()
    for n in range(6):
        (folder / f"release-{n}.txt").write_text(f"{CASES[n]}\n{FOOTER}\n", encoding="utf-8")

    def minors() -> list[str]:
        return sorted(r["src"] for r in rels(db, "HAS_INDICATOR") if r["dst"] == "MinorInvolved")

    (folder / "release-4.txt").rename(tmp_path / "later-4.txt")
    (folder / "release-5.txt").rename(tmp_path / "later-5.txt")
    first = ingest_paths(db, [folder], region="US")
    assert first.written == 4
    assert minors() == ["release-0", "release-1", "release-2", "release-3"]  # four: not yet boilerplate
    (tmp_path / "later-4.txt").rename(folder / "release-4.txt")
    (tmp_path / "later-5.txt").rename(folder / "release-5.txt")
    second = ingest_paths(db, [folder], region="US")
    # the footer now recurs in six releases: the four are read again and lose the footer's cue
    assert (second.written, second.replaced, second.skipped) == (2, 4, 0)
    assert minors() == ["release-4"]  # its own 15-year-old
    assert ingest_paths(db, [folder], region="US").skipped == 6
    kept = ingest_paths(db, [folder], region="US", keep_boilerplate=True)
    assert kept.replaced == 6 and len(minors()) == 6


def test_cli_ingest_warns_when_the_search_index_is_from_an_older_lantern(
    db: Database, neo4j_settings: Settings, tmp_path: Path
) -> None:
    apply_schema(db)
    corpus = tmp_path / "extracted.jsonl"
    corpus.write_text("".join(r.to_json() + "\n" for r in sample_world()))
    current = _lantern(neo4j_settings, "ingest", str(corpus), "--json")
    assert current.returncode == 0 and "older Lantern" not in current.stderr

    db.write("schema/drop_index", index_name="entity_search")
    db.run_schema("schema/test_legacy_entity_search")  # entity_search over the old derived search_text
    legacy = _lantern(neo4j_settings, "ingest", str(corpus), "--force", "--json")
    assert legacy.returncode == 0, legacy.stderr  # the load itself goes on
    said = " ".join(legacy.stderr.split())
    assert "`entity_search` was created by an older Lantern" in said and "lantern schema apply" in said
    assert json.loads(legacy.stdout)["replaced"] == 4
    apply_schema(db)  # what the warning says to do: the index is rebuilt from the nodes already loaded
    hits = db.read("api/search_fulltext", q="7700", kinds=[], exclude_kinds=[], offset=0, limit=20)
    assert any(h["entity"]["id"].startswith("phone:") for h in hits), "variants searchable after the rebuild"
