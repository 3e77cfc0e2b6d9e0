"""RDF export round trip on a real Neo4j: export -> parse with rdflib -> same triples and key values."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, XSD, Graph, Literal, URIRef

from api.config import Settings
from graph.db import Database
from ontology import DATA, LT
from ontology.export import build_rdf, serialize
from ontology.export_graph import fetch_all, fetch_subgraph
from ontology.shapes import validate_rdf
from tests.integration.cli import lantern

ENTITY = DATA["entity/phone:+447700900123"]


def _mentions_of(g: Graph, iri: URIRef) -> set[tuple[int, int, str]]:
    return {
        (int(g.value(m, LT.start)), int(g.value(m, LT.end)), str(g.value(m, LT.text)))
        for m in g.subjects(LT.mentionOf, iri)
    }


def test_export_round_trips_turtle_and_jsonld(db: Database, tmp_path: Path) -> None:
    db.write("schema/test_fixture_small_graph")
    nodes, rels = fetch_all(db)
    graph, stats = build_rdf(nodes, rels)
    assert (stats.nodes, stats.relationships, stats.mentions) == (6, 7, 8)
    assert stats.skipped_nodes == stats.skipped_relationships == 0
    assert validate_rdf(graph) == (True, [])
    for fmt in ("turtle", "jsonld"):
        path = tmp_path / f"out.{fmt}"
        path.write_text(serialize(graph, fmt), encoding="utf-8")
        back = Graph().parse(path, format="turtle" if fmt == "turtle" else "json-ld")
        assert len(back) == len(graph) == stats.triples, fmt
        assert (ENTITY, RDF.type, LT.Phone) in back
        assert (ENTITY, LT.value, Literal("+447700900123")) in back
        assert _mentions_of(back, ENTITY) == {(60, 75, "+44 7700 900123")}
        viktor = DATA["entity/person:viktor%20example"]
        assert _mentions_of(back, viktor) == {(0, 14, "Viktor Example"), (120, 127, "Example")}
        assert set(back.objects(viktor, LT.aliases)) == {Literal("V. Example"), Literal("Vik")}
        # edge evidence: the reified statement for EXPLOITED_AT has two evidence mentions with spans
        stmt = next(back.subjects(RDF.predicate, LT.exploitedAt))
        spans = {
            (int(back.value(m, LT.start)), int(back.value(m, LT.end)))
            for m in back.objects(stmt, LT.evidence)
        }
        assert spans == {(81, 129), (130, 170)}
        doc = DATA["document/doc-rt-1"]
        assert all(back.value(m, LT.inDocument) == doc for m in back.objects(stmt, LT.evidence))
        # typology nodes use the ontology individual IRI
        assert (doc, LT.hasIndicator, LT.DebtBondage) in back
        assert back.value(doc, LT.published) == Literal("2024-03-01", datatype=XSD.date)


def test_subgraph_export_follows_query_ids_and_cited_documents(db: Database) -> None:
    db.write("schema/test_fixture_small_graph")
    nodes, rels = fetch_subgraph(db, {"person:anna example", "business:sparkle car wash"})
    assert {n["props"]["id"] for n in nodes} == {
        "person:anna example",
        "business:sparkle car wash",
        "doc-rt-1",
    }
    assert sorted(r["type"] for r in rels) == ["EXPLOITED_AT", "MENTIONED_IN"]


def test_cli_export_writes_a_parsable_file(db: Database, tmp_path: Path, neo4j_settings: Settings) -> None:
    db.write("schema/test_fixture_small_graph")
    out = tmp_path / "g.jsonld"
    result = lantern(neo4j_settings, "export", "--format", "jsonld", "--validate", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 nodes, 7 relationships, 8 mentions" in " ".join(result.stdout.split())
    assert "SHACL: conforms" in result.stdout
    assert len(Graph().parse(out, format="json-ld")) > 50
