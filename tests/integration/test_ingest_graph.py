"""Ingest on a real Neo4j: idempotence, shared identifiers, replace, delete, evidence, failures."""

from __future__ import annotations

import json
from typing import Any

import pytest

from extraction.models import EntityMention, ExtractionResult
from graph.db import Database
from graph.ingest import delete_document, ingest_results
from graph.ingest.writer import LookaheadSlot
from ontology.schema import apply_schema
from tests.fixtures.ingest_world import generated_world, make_result, sample_world

VOLATILE = {"ingested_at"}


def canonical_dump(db: Database) -> tuple[list[str], list[str]]:
    """Nodes and relationships with every property (timestamps excluded), sorted — comparable across runs."""
    nodes = sorted(
        json.dumps(
            {"labels": sorted(r["labels"]), **{k: v for k, v in r["props"].items() if k not in VOLATILE}},
            sort_keys=True,
            default=str,
        )
        for r in db.read("ingest/dump_nodes")
    )
    rels = sorted(
        json.dumps(
            {"src": r["src"], "type": r["type"], "dst": r["dst"], **r["props"]}, sort_keys=True, default=str
        )
        for r in db.read("ingest/dump_relationships")
    )
    return nodes, rels


def node(db: Database, node_id: str) -> dict[str, Any] | None:
    for r in db.read("ingest/dump_nodes"):
        if r["props"].get("id") == node_id:
            return {"labels": r["labels"], **r["props"]}
    return None


def rels(db: Database, type_: str | None = None) -> list[dict[str, Any]]:
    return [
        {"src": r["src"], "type": r["type"], "dst": r["dst"], **r["props"]}
        for r in db.read("ingest/dump_relationships")
        if type_ is None or r["type"] == type_
    ]


@pytest.fixture()
def graph(db: Database) -> Database:
    apply_schema(db)
    return db


def test_ingesting_twice_changes_nothing_and_forced_rewrite_gives_same_graph(graph: Database) -> None:
    first = ingest_results(graph, sample_world())
    assert (first.written, first.skipped, first.failed) == (4, 0, [])
    before = canonical_dump(graph)
    again = ingest_results(graph, sample_world())
    assert (again.written, again.replaced, again.skipped, again.rows) == (0, 0, 4, 0)
    assert canonical_dump(graph) == before
    forced = ingest_results(graph, sample_world(), force=True)
    assert forced.replaced == 4
    assert canonical_dump(graph) == before


def test_phone_shared_by_three_documents_is_one_node_with_three_mentions(graph: Database) -> None:
    ingest_results(graph, sample_world())
    phone = node(graph, "phone:+447700900123")
    assert phone is not None
    assert set(phone["labels"]) == {"Entity", "Identifier", "Phone"}
    assert phone["doc_count"] == 3 and phone["mention_count"] == 4
    mentions = [r for r in rels(graph, "MENTIONED_IN") if r["src"] == "phone:+447700900123"]
    assert sorted(r["dst"] for r in mentions) == ["doc-1", "doc-2", "doc-3"]
    text = sample_world()[1].text
    first = text.index("07700 900123")
    expected = (first, text.index("07700 900123", first + 1))
    assert [tuple(r["starts"]) for r in mentions if r["dst"] == "doc-2"] == [expected]
    # any phone format finds the node through the full-text index
    for q in ("07700900123", "447700900123", "+447700900123"):
        hits = graph.read("library/search_entities", q=q, limit=5)
        assert hits and hits[0]["id"] == "phone:+447700900123", q


def test_same_fact_from_two_documents_is_one_edge_with_two_evidence_items(graph: Database) -> None:
    ingest_results(graph, sample_world())
    (edge,) = [r for r in rels(graph, "USES_PHONE") if r["src"] == "person:viktor petrov"]
    assert edge["ev_doc_ids"] == ["doc-1", "doc-2"]
    assert edge["evidence_count"] == 2 and edge["doc_count"] == 2
    assert "Petrov used the phone" in edge["ev_snippets"][0]
    assert len(edge["ev_starts"]) == len(edge["ev_ends"]) == len(edge["ev_confidences"]) == 2
    # the surname-only mention ("Petrov", ref → Viktor Petrov) resolved to the full-name node
    assert "Petrov" in node(graph, "person:viktor petrov")["aliases"]  # type: ignore[index]


def test_changed_document_replaces_only_its_own_evidence(graph: Database) -> None:
    ingest_results(graph, sample_world())
    changed = make_result(
        "doc-2",
        "Viktor Petrov owns Northgate Staffing in Bristol and was not reachable by phone.",
        [("p1", "Person", "Viktor Petrov", None), ("b1", "Business", "Northgate Staffing", None),
         ("c1", "City", "Bristol", None, {"country_code": "GB"})],
        [("OWNS", "p1", "b1"), ("LOCATED_IN", "b1", "c1")],
    )  # fmt: skip
    summary = ingest_results(graph, [changed])
    assert (summary.replaced, summary.written, summary.skipped) == (1, 0, 0)
    (edge,) = [r for r in rels(graph, "USES_PHONE") if r["src"] == "person:viktor petrov"]
    assert edge["ev_doc_ids"] == ["doc-1"] and edge["evidence_count"] == 1 and edge["doc_count"] == 1
    assert node(graph, "business:sunrise cleaning@manchester") is None  # only doc-2 mentioned it
    assert node(graph, "city:manchester|gb") is None
    phone = node(graph, "phone:+447700900123")
    assert phone is not None and phone["doc_count"] == 2
    assert node(graph, "business:northgate staffing@bristol") is not None
    assert not [r for r in rels(graph, "HAS_INDICATOR") if r["src"] == "doc-2"]
    # documents 1 and 3 keep their evidence
    assert [r["ev_doc_ids"] for r in rels(graph, "RECRUITED")] == [["doc-1"]]
    assert any(r["ev_doc_ids"] == ["doc-3"] for r in rels(graph, "USES_PHONE"))
    assert graph.read("ingest/edges_without_evidence")[0]["count"] == 0


def test_delete_removes_document_evidence_and_orphans(graph: Database) -> None:
    ingest_results(graph, sample_world())
    result = delete_document(graph, "doc-4")
    assert result.deleted == 1 and result.entities_deleted == 3
    for gone in ("doc-4", "person:maria lopez", "email:jane.doe@example.com", "business:green valley farms"):
        assert node(graph, gone) is None, gone
    delete_document(graph, "doc-3")
    phone = node(graph, "phone:+447700900123")
    assert phone is not None and phone["doc_count"] == 2
    assert node(graph, "person:anna kowalska#2") is None  # its candidate edge went with it
    assert all("person:anna kowalska#2" not in (r["src"], r["dst"]) for r in rels(graph))
    missing = delete_document(graph, "no-such-doc")
    assert missing.deleted == 0 and missing.failed[0].id == "no-such-doc"


def test_every_fact_edge_has_evidence_with_document_and_span(graph: Database) -> None:
    ingest_results(graph, sample_world() + generated_world(20))
    assert graph.read("ingest/edges_without_evidence") == [{"count": 0, "examples": []}]
    fact_edges = [r for r in rels(graph) if r["type"] not in ("MENTIONED_IN", "POSSIBLY_SAME_AS")]
    assert len(fact_edges) > 50
    assert {"CLASSIFIED_AS", "HAS_INDICATOR", "HAS_ROLE", "RECRUITED"} <= {r["type"] for r in fact_edges}


def test_people_with_same_name_merge_only_with_supporting_evidence(graph: Database) -> None:
    ingest_results(graph, sample_world())
    # Viktor Petrov: doc-1 and doc-2 share his phone → one node;
    # Anna Kowalska: Lodz vs Leeds → two nodes + a candidate
    assert node(graph, "person:viktor petrov")["doc_count"] == 2  # type: ignore[index]
    assert node(graph, "person:viktor petrov#2") is None
    cands = rels(graph, "POSSIBLY_SAME_AS")
    anna = [c for c in cands if c["dst"] == "person:anna kowalska#2"]
    assert anna and anna[0]["src"] == "person:anna kowalska" and anna[0]["source"] == "ingest"
    assert 0 < anna[0]["score"] < 1 and "anna kowalska" in anna[0]["reason"]
    biz = [c for c in cands if c["src"].startswith("business:sunrise cleaning")]
    assert biz and "different or unknown place" in biz[0]["reason"]


def test_candidates_are_one_edge_per_pair_across_batches_and_replacements(graph: Database) -> None:
    # ingest CREATEs its candidates: one end is always a node the batch creates (ingest/possibly_same_as)
    def mara(i: int, text: str) -> ExtractionResult:
        return make_result(f"m{i}", text, [("p", "Person", "Mara Lind", None)])

    ingest_results(graph, [mara(i, f"Mara Lind was seen, report {i}.") for i in range(6)], batch_size=1)
    assert len(rels(graph, "POSSIBLY_SAME_AS")) == 0 + 1 + 2 + 3 + 3 + 3  # each new namesake: first three
    # m0 (the first node) and m3 (#4) change: both nodes lose their only mention and are deleted with their
    # candidates (5 + 2); the documents' people come back as new nodes with the first free keys (+3 + 3)
    ingest_results(graph, [mara(i, f"Mara Lind was seen again, report {i}.") for i in (0, 3)])
    cands = rels(graph, "POSSIBLY_SAME_AS")
    pairs = [frozenset((c["src"], c["dst"])) for c in cands]
    assert len(pairs) == len(set(pairs)) == 12 - 7 + 6
    assert {c["src"] for c in cands} | {c["dst"] for c in cands} == {
        "person:mara lind",
        *(f"person:mara lind#{k}" for k in range(2, 7)),
    }


def test_bad_documents_are_reported_and_the_run_continues(graph: Database) -> None:
    good = sample_world()[3]
    unknown_type = make_result("bad-type", "Zed Zedson called.", [("p1", "Person", "Zed Zedson", None)])
    unknown_type.entities.append(
        EntityMention(
            id="x", type="Spaceship", text="called", start=11, end=17, value="called", confidence=0.5
        )
    )
    bad_relation = make_result(
        "bad-rel", "Ada Quill and +44 7700 900555.",
        [("p1", "Person", "Ada Quill", None), ("ph", "Phone", "+44 7700 900555", "+447700900555")],
        [("RECRUITED", "p1", "ph")],
    )  # fmt: skip
    summary = ingest_results(graph, [unknown_type, bad_relation, good])
    assert summary.written == 1
    reasons = {f.id: f.reason for f in summary.failed}
    assert set(reasons) == {"bad-type", "bad-rel"}
    assert "Spaceship" in reasons["bad-type"] and "RECRUITED" in reasons["bad-rel"]
    assert node(graph, "person:zed zedson") is None and node(graph, "doc-4") is not None


def test_batch_size_does_not_change_the_graph(graph: Database) -> None:
    docs: list[ExtractionResult] = sample_world() + generated_world(25)
    ingest_results(graph, docs, batch_size=1)
    one = canonical_dump(graph)
    graph.write("platform/wipe_graph")
    apply_schema(graph)
    ingest_results(graph, docs, batch_size=7)
    assert canonical_dump(graph) == one


def test_resolving_the_next_batch_ahead_does_not_change_the_graph(
    graph: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # batches of new documents are resolved against a context read at the end of the previous batch's
    # transaction, while it commits (graph.ingest.writer.Lookahead); refused, each batch reads its own
    docs: list[ExtractionResult] = sample_world() + generated_world(40)
    ahead = ingest_results(graph, docs, batch_size=6)
    assert ahead.resolved_ahead > 0 and ahead.candidates > 0
    with_lookahead = canonical_dump(graph)
    graph.write("platform/wipe_graph")
    apply_schema(graph)
    monkeypatch.setattr(LookaheadSlot, "offer", lambda slot, lookahead: False)
    own = ingest_results(graph, docs, batch_size=6)
    assert own.resolved_ahead == 0 and own.candidates == ahead.candidates
    assert canonical_dump(graph) == with_lookahead


def test_incremental_entity_counters_equal_a_full_recompute(graph: Database) -> None:
    docs: list[ExtractionResult] = sample_world() + generated_world(25)
    ingest_results(graph, docs, batch_size=3)  # hub entities gain mentions batch after batch
    incremental = canonical_dump(graph)
    ids = [r["props"]["id"] for r in graph.read("ingest/dump_nodes") if "Entity" in r["labels"]]
    assert ids
    graph.write("ingest/refresh_entities", ids=ids)
    assert canonical_dump(graph) == incremental
    hub = max((json.loads(n) for n in incremental[0]), key=lambda n: n.get("doc_count") or 0)
    assert hub["doc_count"] > 3 and hub["mention_count"] >= hub["doc_count"]


def test_dates_are_stored_as_neo4j_dates(graph: Database) -> None:
    # rows carry dates as ISO text (cheaper for the driver to pack); the statements must store real dates,
    # which canonical_dump (json, default=str) cannot tell from strings
    ingest_results(graph, sample_world(), batch_size=3)
    query = (
        "MATCH (n) UNWIND ['published', 'first_seen', 'last_seen'] AS k WITH k, n[k] AS v "
        "WHERE v IS NOT NULL RETURN k, collect(DISTINCT valueType(v)) AS types, count(*) AS n"
    )
    records = graph.driver.execute_query(query, database_=graph.database).records
    found = {r["k"]: (r["types"], r["n"]) for r in records}
    assert set(found) == {"published", "first_seen", "last_seen"}
    assert all(types == ["DATE NOT NULL"] and n > 0 for types, n in found.values()), found
