"""Same-name people in the network projection: joined only when both take part in a stated network
relation (not just a place); a namesake quoted in an unrelated story stays apart."""

from __future__ import annotations

from extraction.models import EntityMention, ExtractionResult, RelationMention
from graph.db import Database


def _doc(
    doc_id: str, text: str, spans: list[tuple[str, str, str]], rels: list[tuple[str, int, int]]
) -> ExtractionResult:
    ents = []
    for n, (type_, surface, value) in enumerate(spans, start=1):
        start = text.index(surface)
        ents.append(
            EntityMention(
                id=f"e{n}",
                type=type_,
                text=surface,
                start=start,
                end=start + len(surface),
                value=value,
                confidence=0.9,
            )
        )
    relations = [
        RelationMention(
            id=f"r{n}",
            type=t,
            source=f"e{a}",
            target=f"e{b}",
            start=0,
            end=len(text),
            confidence=0.7,
            snippet=text,
        )
        for n, (t, a, b) in enumerate(rels, start=1)
    ]
    return ExtractionResult(id=doc_id, text=text, entities=ents, relations=relations)


def test_namesakes_join_only_with_network_relations_on_both_sides(
    db: Database, neo4j_settings: object
) -> None:
    from graph.analytics import run_analysis
    from graph.ingest import ingest_results
    from ontology.schema import apply_schema

    docs = [
        _doc(
            "n1",
            "Dmytro Koval owns Nordlicht Wellness GmbH, which uses 07700 900561.",
            [
                ("Person", "Dmytro Koval", "Dmytro Koval"),
                ("Business", "Nordlicht Wellness GmbH", "Nordlicht Wellness GmbH"),
                ("Phone", "07700 900561", "+447700900561"),
            ],
            [("OWNS", 1, 2), ("USES_PHONE", 2, 3)],
        ),
        _doc(
            "n2",
            "The driver, Tomas Brandt, said he was paid by Dmytro Koval. Brandt's phone was 07700 900562.",
            [
                ("Person", "Tomas Brandt", "Tomas Brandt"),
                ("Person", "Dmytro Koval", "Dmytro Koval"),
                ("Phone", "07700 900562", "+447700900562"),
            ],
            [("ASSOCIATE_OF", 1, 2), ("USES_PHONE", 1, 3)],
        ),
        _doc(
            "n3",
            "Youth coach Dmytro Koval took his team to a tournament in Hamburg.",
            [("Person", "Dmytro Koval", "Dmytro Koval"), ("City", "Hamburg", "Hamburg")],
            [],
        ),
    ]
    apply_schema(db)
    summary = ingest_results(db, docs)
    assert not summary.failed
    run_analysis(db, neo4j_settings, only=["networks"])
    rows = db.read("analysis/network_members")
    net = {r["id"]: r["network_id"] for r in rows}
    kovals = sorted(k for k in net if k.startswith("person:dmytro koval"))
    assert len(kovals) == 3, kovals  # ingest keeps namesakes apart (no shared identifier/organisation)
    phones = {net["phone:+447700900561"], net["phone:+447700900562"]}
    assert len(phones) == 1, "the two Kovals with network relations are one linked network"
    coach = [k for k in kovals if net[k] not in phones]
    assert len(coach) == 1, "the coach (no network relation) stays out"
