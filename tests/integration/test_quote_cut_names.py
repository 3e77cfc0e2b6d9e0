"""A person's name the tagger cut at a quote mark is one Person in the graph: extraction joins it
(`extraction.components.quote_names`), ingest writes what extraction says. Real extractor, real Neo4j,
fictional release."""

from __future__ import annotations

import pytest

from extraction.models import SourceDocument
from extraction.pipeline import Extractor
from graph.db import Database
from graph.ingest import ingest_results
from ontology.schema import apply_schema

TEXT = (
    "Prosecutors said “Pastor Corla” Vale recruited two women in Fresno. "
    "Vale was arrested on Tuesday and is held at the county jail."
)


@pytest.fixture()
def graph(db: Database) -> Database:
    apply_schema(db)
    return db


def test_a_name_cut_at_a_quote_mark_is_one_person_in_the_graph(graph: Database) -> None:
    result = Extractor().extract(SourceDocument(id="quote-cut", text=TEXT, source="/releases/harbor/q.txt"))
    summary = ingest_results(graph, [result])
    assert not summary.failed, summary.failed
    mentioned = sorted(
        r["src"]
        for r in graph.read("ingest/dump_relationships")
        if r["type"] == "MENTIONED_IN" and r["src"].startswith("person:")
    )
    assert mentioned == ["person:corla vale"]  # not "corla" and "vale" apart
    names = [
        r["props"].get("name")
        for r in graph.read("ingest/dump_nodes")
        if r["props"].get("id", "").startswith("person:")
    ]
    assert names == ["Corla Vale"]
