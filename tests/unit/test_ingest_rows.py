"""Batch rows: aggregation across documents, symmetric types, snippets (no database)."""

from __future__ import annotations

from graph.catalog import catalog
from graph.ingest.ontology_view import default_view
from graph.ingest.prepare import prepare
from graph.ingest.rows import MENTION_FIELDS, build_rows, sentence_around
from graph.ingest.writer import resolve_people
from graph.resolve_people import PersonResolver
from tests.fixtures.ingest_world import make_result, sample_world

ONTO = default_view()


def _prepared(docs):  # type: ignore[no-untyped-def]
    resolver = PersonResolver()
    preps = [prepare(d, ONTO) for d in docs]
    for p in preps:
        resolve_people(p, resolver)
    return preps


def test_same_fact_in_two_documents_is_one_row_with_two_evidence_items() -> None:
    rows = build_rows(_prepared(sample_world()[:2]), set())
    (row,) = [r for r in rows.relations if r["type"] == "USES_PHONE" and r["src"] == "person:viktor petrov"]
    assert row["doc_ids"] == ["doc-1", "doc-2"] and row["doc_count"] == 2
    assert len(row["starts"]) == len(row["ends"]) == len(row["snippets"]) == len(row["confidences"]) == 2
    # one entity row per key, one mention row per (entity, document) with every span
    assert len({e["id"] for e in rows.entities}) == len(rows.entities)
    (men,) = [m for m in rows.flat_mentions() if m["entity"] == "phone:+447700900123" and m["doc"] == "doc-2"]
    assert len(men["starts"]) == 2
    assert {"Petrov", "Viktor Petrov"} == set(
        next(
            m["texts"]
            for m in rows.flat_mentions()
            if m["entity"] == "person:viktor petrov" and m["doc"] == "doc-1"
        )
    )


def test_symmetric_relation_is_stored_once_in_key_order() -> None:
    people = [("z", "Person", "Zoe Ash", None), ("a", "Person", "Al Berg", None)]
    doc = make_result("d", "Zoe Ash and Al Berg are associates.", people, [("ASSOCIATE_OF", "z", "a")])
    rows = build_rows(_prepared([doc]), {"ASSOCIATE_OF"})
    assert [(r["src"], r["dst"]) for r in rows.relations] == [("person:al berg", "person:zoe ash")]


def test_roles_classification_and_indicators_have_evidence() -> None:
    rows = build_rows(_prepared([sample_world()[0]]), set())
    assert {(r["src"], r["role"]) for r in rows.roles} == {
        ("person:viktor petrov", "Recruiter"), ("person:anna kowalska", "Victim")
    }  # fmt: skip
    (cls,) = rows.classified
    assert cls["target"] == "ForcedLabour" and cls["doc_ids"] == ["doc-1"] and cls["starts"] == [0]
    (ind,) = rows.indicators
    assert ind["target"] == "FalseJobOffer" and "false job offer" in ind["snippets"][0]
    (doc,) = rows.documents
    assert doc["id"] == "doc-1" and len(doc["content_hash"]) == 64  # written with the document (one tx)


def test_sentence_around_returns_the_sentence() -> None:
    text = "First one. Viktor met Anna in Lodz. Last."
    start = text.index("Anna")
    assert sentence_around(text, start, start + 4) == "Viktor met Anna in Lodz."


def test_a_mention_seen_again_after_another_one_still_counts_last() -> None:
    # the first and third mentions are equal (prepare hands both the same info); the row must still
    # end with the third one's properties, as it would without the sharing
    geo = {"geonameid": 3093133, "country_code": "PL"}
    doc = make_result(
        "d1",
        "Lodz first. Then Łódź. Then Lodz.",
        [
            ("a", "City", "Lodz", "Lodz", {**geo, "lat": 1.0}),
            ("b", "City", "Łódź", "Łódź", {**geo, "lat": 2.0}),
        ],
    )
    doc.entities.append(doc.entities[0].model_copy(update={"id": "c", "start": 28, "end": 32}))
    (prep,) = _prepared([doc])
    assert prep.info["a"] is prep.info["c"] and prep.keys["a"] == prep.keys["b"]
    (ent,) = build_rows([prep], set()).entities
    assert ent["props"]["lat"] == 1.0 and ent["variants"][-1] == "Łódź"


def test_entity_rows_carry_what_the_batch_adds_to_the_counters() -> None:
    phone, local = "+44 7700 900123", "+447700900123"
    two = [("p1", "Phone", phone, None), ("p2", "Phone", local, None)]
    one = [("p", "Phone", phone, None)]
    docs = [
        make_result("a", f"Call {phone} or {local} today.", two, published="2024-03-02"),
        make_result("b", f"The number {phone} again.", one, published=None),
        make_result("c", f"Old advert: {phone}.", one, published="2023-11-30T08:00:00"),
    ]
    (ent,) = build_rows(_prepared(docs), set()).entities
    assert (ent["docs"], ent["mentions"]) == (3, 4)  # documents (new MENTIONED_IN) and spans
    # undated document ignored; dates travel as ISO text (the statement applies date())
    assert (ent["first"], ent["last"]) == ("2023-11-30", "2024-03-02")
    assert ent["texts"] == [phone, local]  # distinct, in order of appearance


def test_mentions_travel_grouped_per_document_as_positional_rows() -> None:
    docs = sample_world()[:3]
    rows = build_rows(_prepared(docs), set())
    assert [g["doc"] for g in rows.mentions] == [d.id for d in docs]  # each document id once, in batch order
    assert all(
        g["extractor_version"] == d.extractor_version for g, d in zip(rows.mentions, docs, strict=True)
    )
    flat = rows.flat_mentions()
    assert rows.edge_count >= len(flat) == sum(len(g["mentions"]) for g in rows.mentions) > len(docs)
    assert len({(m["entity"], m["doc"]) for m in flat}) == len(flat)  # one row per (entity, document)
    assert all(
        len(m) == len(MENTION_FIELDS) and isinstance(m, list) for g in rows.mentions for m in g["mentions"]
    )
    # the statement reads the positions MENTION_FIELDS names
    text = " ".join(catalog().get("ingest/create_mentions").text.split())
    assert "MATCH (e:Entity {id: m[0]})" in text
    assert ", ".join(f"{f}: m[{i}]" for i, f in enumerate(MENTION_FIELDS) if i) in text
