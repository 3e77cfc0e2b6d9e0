"""The demo shows what the seed plants (issue 24): routes and why a movement makes none, address hotspots at
their city, the planted key players ranked first by risk with reasons, on `lantern demo --no-serve` (real
extraction, ingest and analytics on the test Neo4j)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.config import Settings, get_settings
from graph.db import Database

TRUTH = Path(__file__).resolve().parents[2] / "seed" / "ground_truth.json"
PLACE = "id caption kind lat lon coordinatesFrom"
QUERY = f"""{{
  routes(limit: 100) {{ persons origin {{ {PLACE} }} destination {{ {PLACE} }} via {{ {PLACE} }} }}
  routeGaps(limit: 100) {{ reason fact persons documentIds place {{ {PLACE} }} }}
  hotspots(limit: 100) {{ events location {{ {PLACE} }} }}
  entity(id: "person:viktor hrabar") {{ riskScore riskReasons }}
}}"""


@pytest.fixture(scope="module")
def story(neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    s = neo4j_settings
    env = {
        "NEO4J_URI": s.uri, "NEO4J_PASSWORD": s.password, "LANTERN_NEO4J_BOLT_PORT": str(s.neo4j_bolt_port),
        "LANTERN_NEO4J_HTTP_PORT": str(s.neo4j_http_port),
        "LANTERN_NEO4J_INSTANCE_DIR": str(s.neo4j_instance_dir),
        "LANTERN_NEO4J_HEAP": s.neo4j_heap, "LANTERN_NEO4J_PAGECACHE": s.neo4j_pagecache,
        "LANTERN_API_PORT": str(s.api_port), "LANTERN_STATE_DIR": str(tmp_path_factory.mktemp("state")),
    }  # fmt: skip
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        get_settings.cache_clear()
        from api.app import create_app
        from api.cli import app
        from api.demo import demo_key

        loaded = CliRunner().invoke(app, ["demo", "--no-serve"])
        assert loaded.exit_code == 0, loaded.output
        settings = get_settings()
        with TestClient(create_app(settings)) as client:
            headers = {"Authorization": f"Bearer {demo_key(settings)}"}
            answer = client.post("/graphql", json={"query": QUERY}, headers=headers).json()
        assert not answer.get("errors"), answer
        yield answer["data"]
    get_settings.cache_clear()


def test_routes_follow_the_planted_movements(story: dict[str, Any]) -> None:
    pairs = {(r["origin"]["caption"], r["destination"]["caption"]) for r in story["routes"]}
    # N1: Iryna left Kharkiv, the driver met the group in Przemyśl, the group were moved in Berlin
    kharkiv = [
        r
        for r in story["routes"]
        if (r["origin"]["caption"], r["destination"]["caption"]) == ("Kharkiv", "Berlin")
    ]
    assert kharkiv and {"Przemyśl", "Przemysl"} & {v["caption"] for v in kharkiv[0]["via"]}, pairs
    assert ("Ukraine", "Berlin") in pairs, pairs  # the minibus driver's journey
    assert len(story["routes"]) >= 7, pairs  # at least one route per planted network
    assert all(r["origin"]["lat"] is not None or r["origin"]["kind"] == "Country" for r in story["routes"])


def test_a_movement_without_an_origin_says_so(story: dict[str, Any]) -> None:
    gaps = story["routeGaps"]
    no_origin = {g["place"]["caption"] for g in gaps if g["reason"] == "movement mentioned without an origin"}
    assert "Berlin" in no_origin, gaps  # "On arrival in Berlin she was taken to ...", no departure stated
    assert all(g["persons"] >= 1 and g["documentIds"] for g in gaps)


def test_address_hotspots_are_placed_at_their_city(story: dict[str, Any]) -> None:
    addresses = [h["location"] for h in story["hotspots"] if h["location"]["kind"] == "Address"]
    assert addresses, story["hotspots"]
    berlin = next(a for a in addresses if a["caption"].startswith("Lindenstraße 48"))
    assert berlin["coordinatesFrom"] == "city of the address: Berlin"
    assert round(berlin["lat"]) == 53 and round(berlin["lon"]) == 13
    assert sum(a["lat"] is not None for a in addresses) == len(addresses), addresses


def test_the_planted_key_players_rank_first(story: dict[str, Any], session_db: Database) -> None:
    from graph.analytics.key_players import rank_key_players

    ranks, scored = rank_key_players(session_db, TRUTH)  # the demo's graph (the `db` fixture would wipe it)
    assert len(ranks) == 8 and scored > 100  # the broker and seven recruiters among every scored entity
    # before issue 24: the broker 65th (score 0), the recruiters 13th. Now the top ranks are shared with the
    # planted fronts and exploiters (money red flags, roles), which is right: key players within the top 20
    # of ~150 (measured 1-8 on a fresh demo, up to 14 on a graph holding other tests' data), the broker top 10
    shown = [(r.name, r.rank, r.score) for r in ranks]
    assert all(r.rank is not None and r.rank <= 20 for r in ranks), shown
    assert ranks[0].name == "Viktor Hrabar" and ranks[0].rank is not None and ranks[0].rank <= 10, shown
    broker = story["entity"]
    assert broker["riskScore"] >= 10
    assert any("perpetrator role Facilitator" in reason for reason in broker["riskReasons"]), broker
    assert any("on suspicion of forging documents" in reason for reason in broker["riskReasons"]), broker
