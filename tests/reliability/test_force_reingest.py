"""`lantern ingest --force` of an unchanged file gives the graph a fresh ingest gives (issue 23, item 15).

Rewriting documents in place, batch by batch, resolved each batch's people against a graph that already held
the LATER documents' namesakes: other `#k` keys (doc-1's Viktor Petrov became `person:viktor petrov#3`), and
a family's first member, deleted and re-created, lost the POSSIBLY_SAME_AS candidates of members beyond the
cap (the issue: 4,577 -> 4,414 on 3,000 documents). This world has namesake families and is written in
batches of 10: the in-place rewrite gave 1 node and 4 relationships different from the fresh ingest."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from api.config import Settings
from graph.db import Database
from ontology.schema import apply_schema
from tests.fixtures.ingest_world import generated_world, sample_world
from tests.integration.cli import lantern
from tests.integration.test_ingest_graph import canonical_dump

N_DOCS = 300


def _ingest(settings: Settings, corpus: Path, *extra: str) -> dict[str, object]:
    run = lantern(settings, "ingest", str(corpus), "--batch-size", "10", "--json", *extra)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_forced_reingest_of_an_unchanged_file_equals_a_fresh_ingest(
    db: Database, neo4j_settings: Settings, tmp_path: Path
) -> None:
    apply_schema(db)
    corpus = tmp_path / "extracted.jsonl"
    corpus.write_text("".join(r.to_json() + "\n" for r in sample_world() + generated_world(N_DOCS)))
    total = N_DOCS + len(sample_world())

    fresh = _ingest(neo4j_settings, corpus)
    assert fresh["written"] == total and fresh["failed"] == []
    clean = canonical_dump(db)
    people = [json.loads(n)["id"] for n in clean[0] if '"Person"' in n]
    families = Counter(p.split("#", 1)[0] for p in people)
    assert max(families.values()) >= 2, "the world must have namesakes kept apart (person:x, person:x#2)"

    forced = _ingest(neo4j_settings, corpus, "--force")
    assert (forced["replaced"], forced["written"], forced["skipped"]) == (total, 0, 0)
    assert forced["candidates"] == fresh["candidates"]
    after = canonical_dump(db)
    assert after[0] == clean[0]  # nodes: the same keys, counters, aliases
    assert after[1] == clean[1]  # relationships, POSSIBLY_SAME_AS included

    again = _ingest(neo4j_settings, corpus)
    assert (again["skipped"], again["written"], again["replaced"]) == (total, 0, 0)
