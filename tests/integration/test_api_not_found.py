# ruff: noqa: F811
"""Issue 24: no silent empties. Unknown ids and names answer NOT_FOUND with "did you mean"; paths say when
only resolution candidates connect two entities; search says "no exact match" and which number it read."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Database
from tests.integration.test_api_fixtures import Api, api, api_graph  # noqa: F401

pytestmark = pytest.mark.usefixtures("api_graph")
INV = "investigator"


def error(res: dict[str, Any]) -> dict[str, Any]:
    assert res.get("errors"), res
    return res["errors"][0]


def test_a_name_where_an_id_belongs_gets_did_you_mean(api: Api) -> None:
    for query in (
        '{ entity(id: "Viktor Petrov") { id } }',
        '{ neighbourhood(id: "Viktor Petrov") { nodes { id } } }',
        '{ paths(source: "Viktor Petrov", target: "person:marek nowak") { hops } }',
        '{ sharedIdentifiers(ids: ["person:marek nowak", "Viktor Petrov"]) { identifier { id } } }',
    ):
        err = error(api.gql(INV, query))
        assert err["extensions"]["code"] == "NOT_FOUND", query
        assert err["extensions"]["id"] == "Viktor Petrov"
        hints = err["extensions"]["didYouMean"]
        assert hints[0]["id"] == "person:viktor petrov" and hints[0]["kind"] == "Person", query
        assert "Did you mean: person:viktor petrov (Person Viktor Petrov)" in err["message"]


def test_an_unknown_id_with_nothing_similar_says_so(api: Api) -> None:
    err = error(api.gql(INV, '{ entity(id: "person:zzqx nobody") { id } }'))
    assert err["extensions"]["code"] == "NOT_FOUND" and err["extensions"]["didYouMean"] == []
    assert "search found nothing like it" in err["message"]


def test_paths_that_exist_are_unchanged(api: Api) -> None:
    res = api.gql(INV, '{ paths(source: "person:viktor petrov", target: "person:marek nowak") { hops } }')
    assert res["data"]["paths"] and res["data"]["paths"][0]["hops"] == 2


def test_paths_through_candidates_only_are_explained_and_offered(api: Api, db: Database) -> None:
    db.write("api/test_fixture_candidate", a="Quiet Bakery Ltd", b="Clean Supplies Co", reason="same VAT no.")
    ids = {
        h["entity"]["caption"]: h["entity"]["id"]
        for h in api.gql(INV, '{ search(text: "bakery") { hits { entity { id caption } } } }')["data"][
            "search"
        ]["hits"]
    }
    bakery = ids["Quiet Bakery Ltd"]
    q = "query($a: String!, $c: Boolean!) { paths(source: $a, target: \"person:marek nowak\", " \
        "includeCandidates: $c) { hops edges { type reason } } }"  # fmt: skip
    err = error(api.gql(INV, q, {"a": bakery, "c": False}))
    assert err["extensions"]["code"] == "ONLY_CANDIDATE_LINKS"
    assert "includeCandidates: true" in err["message"] and "POSSIBLY_SAME_AS" in err["message"]
    paths = api.gql(INV, q, {"a": bakery, "c": True})["data"]["paths"]
    assert paths[0]["hops"] == 2
    assert [e["type"] for e in paths[0]["edges"]] == ["POSSIBLY_SAME_AS", "OWNS"]
    assert paths[0]["edges"][0]["reason"] == "same VAT no."


def test_search_marks_exact_and_says_no_exact_match(api: Api) -> None:
    q = "query($t: String!) { search(text: $t) { normalised exactMatch note hits { matched } } }"
    found = api.gql(INV, q, {"t": "07700 900123"})["data"]["search"]
    assert found["normalised"] == "+447700900123" and found["exactMatch"] is True and found["note"] is None
    assert found["hits"][0]["matched"] == "exact"
    missing = api.gql(INV, q, {"t": "+44 7700 900999"})["data"]["search"]
    assert missing["exactMatch"] is False and missing["normalised"] == "+447700900999"
    assert missing["note"].startswith("No exact match: +447700900999 (read from '+44 7700 900999')")
    assert all(h["matched"] == "fulltext" for h in missing["hits"])
    words = api.gql(INV, q, {"t": "petrov"})["data"]["search"]
    assert words["note"] is None and words["normalised"] is None
