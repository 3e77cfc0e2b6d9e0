# ruff: noqa: F811, E501
"""Every query and mutation of the GraphQL API against a real Neo4j (investigator's view)."""

from __future__ import annotations

import pytest

from tests.integration.test_api_fixtures import Api, api, api_graph  # noqa: F401

pytestmark = pytest.mark.usefixtures("api_graph")
INV = "investigator"
ENTITY = "{ id kind name value caption masked networkId communityId pagerank riskScore riskReasons }"


def data(res: dict) -> dict:
    assert "errors" not in res, res["errors"]
    return res["data"]


def test_search_any_phone_format_finds_the_e164_node(api: Api) -> None:
    for text in ("07700 900123", "+44 7700 900123", "+447700900123", "(0)7700-900-123"):
        hits = data(api.gql(INV, "query($t: String!) { search(text: $t) { hits { matched entity { id kind } } } }",
                            {"t": text}))["search"]["hits"]  # fmt: skip
        assert hits[0] == {"matched": "exact", "entity": {"id": "phone:+447700900123", "kind": "Phone"}}, text


def test_search_full_text_types_and_pagination(api: Api) -> None:
    q = "query($t: String!, $k: [String!], $l: Int, $o: Int) { search(text: $t, types: $k, limit: $l, offset: $o) " \
        "{ hits { entity { id kind } } pageInfo { offset limit hasMore } } }"  # fmt: skip
    res = data(api.gql(INV, q, {"t": "petrov"}))["search"]
    assert [h["entity"]["id"] for h in res["hits"]] == ["person:viktor petrov"]
    res = data(api.gql(INV, q, {"t": "ltd", "k": ["Business"]}))["search"]
    ids = {h["entity"]["id"] for h in res["hits"]}
    assert ids and all(i.startswith("business:") for i in ids)
    first = data(api.gql(INV, q, {"t": "ltd", "l": 1, "o": 0}))["search"]
    second = data(api.gql(INV, q, {"t": "ltd", "l": 1, "o": 1}))["search"]
    assert first["pageInfo"] == {"offset": 0, "limit": 1, "hasMore": True}
    assert first["hits"][0]["entity"]["id"] != second["hits"][0]["entity"]["id"]


def test_entity_with_evidence_network_and_risk(api: Api) -> None:
    q = f'{{ entity(id: "person:viktor petrov") {{ ...E evidence {{ documentId title spans {{ start end snippet }} }} }} }} fragment E on Entity {ENTITY}'
    e = data(api.gql(INV, q))["entity"]
    assert e["name"] == "Viktor Petrov" and e["kind"] == "Person" and not e["masked"]
    assert (e["networkId"], e["communityId"], e["riskScore"]) == (1, 10, 0.92)
    assert "+447700900123" in e["riskReasons"][0]
    docs = {m["documentId"]: m for m in e["evidence"]}
    assert set(docs) == {"case-001"}
    spans = docs["case-001"]["spans"]
    assert any("Viktor Petrov recruited" in s["snippet"] for s in spans)
    unknown = api.gql(INV, '{ entity(id: "person:nobody") { id } }')  # issue 24: NOT_FOUND, not a silent null
    assert unknown["data"]["entity"] is None and unknown["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_neighbourhood_nodes_and_edges_for_a_link_chart(api: Api) -> None:
    q = """query($id: String!, $d: Int!, $t: [RelationType!]) { neighbourhood(id: $id, depth: $d, relationTypes: $t)
           { truncated nodes { id kind labels caption communityId networkId }
             edges { id type source target evidence { documentId snippet } } } }"""
    g = data(api.gql(INV, q, {"id": "person:viktor petrov", "d": 1}))["neighbourhood"]
    ids = {n["id"] for n in g["nodes"]}
    assert {"person:viktor petrov", "phone:+447700900123", "business:sunrise staffing"} <= ids
    assert "business:clean supplies" not in ids  # two hops away
    for edge in g["edges"]:
        assert edge["source"] in ids and edge["target"] in ids and edge["evidence"][0]["documentId"]
    g2 = data(api.gql(INV, q, {"id": "person:viktor petrov", "d": 2, "t": ["USES_PHONE"]}))["neighbourhood"]
    assert {n["id"] for n in g2["nodes"]} == {
        "person:viktor petrov",
        "phone:+447700900123",
        "person:marek nowak",
    }
    assert {e["type"] for e in g2["edges"]} == {"USES_PHONE"}
    viktor = next(n for n in g["nodes"] if n["id"] == "person:viktor petrov")
    assert (viktor["communityId"], viktor["networkId"], "Person" in viktor["labels"]) == (10, 1, True)


def test_paths_with_evidence_per_hop(api: Api) -> None:
    q = """{ paths(source: "person:viktor petrov", target: "business:clean supplies", maxHops: 4)
             { hops nodes { id } edges { type evidence { documentId snippet } } } }"""
    paths = data(api.gql(INV, q))["paths"]
    assert paths and paths[0]["hops"] == 3
    assert [n["id"] for n in paths[0]["nodes"]] == [
        "person:viktor petrov", "phone:+447700900123", "person:marek nowak", "business:clean supplies"]  # fmt: skip
    assert [e["type"] for e in paths[0]["edges"]] == ["USES_PHONE", "USES_PHONE", "OWNS"]
    assert all(e["evidence"] for e in paths[0]["edges"])
    q2 = '{ paths(source: "person:viktor petrov", target: "business:clean supplies", maxHops: 2) { hops } }'
    assert data(api.gql(INV, q2))["paths"] == []


def test_network_community_and_shared_identifiers(api: Api) -> None:
    q = """{ network(id: 1) { kind size members { id } keyPlayers { id } linkingIdentifiers { identifier { id } users { id } } }
             community(id: 11) { size members { id } } nope: community(id: 999) { size } }"""
    d = data(api.gql(INV, q))
    assert d["network"]["size"] == 5 and d["network"]["keyPlayers"][0]["id"] == "person:viktor petrov"
    links = {
        li["identifier"]["id"]: {u["id"] for u in li["users"]} for li in d["network"]["linkingIdentifiers"]
    }
    assert links["phone:+447700900123"] == {"person:viktor petrov", "person:marek nowak"}
    assert {m["id"] for m in d["community"]["members"]} == {"person:marek nowak", "business:clean supplies"}
    assert d["nope"] is None
    q2 = '{ sharedIdentifiers(ids: ["person:viktor petrov", "person:marek nowak"]) { identifier { id } documentIds } }'
    shared = data(api.gql(INV, q2))["sharedIdentifiers"]
    assert [s["identifier"]["id"] for s in shared] == ["phone:+447700900123"]
    assert set(shared[0]["documentIds"]) == {"case-001", "news-002"}


def test_business_exposure_explains_the_link(api: Api) -> None:
    q = """query($n: String) { businessExposure(name: $n, maxHops: 3) { exposed business { id caption }
            paths { hops target { id } targetRoles edges { type evidence { snippet } } } explanation } }"""
    d = data(api.gql(INV, q, {"n": "Clean Supplies Co"}))["businessExposure"]
    assert d["exposed"] and d["business"]["id"] == "business:clean supplies"
    viktor = next(p for p in d["paths"] if p["target"]["id"] == "person:viktor petrov")
    assert viktor["hops"] == 3 and viktor["targetRoles"] == ["Recruiter"]
    assert any("Viktor Petrov" in line and "Recruiter" in line for line in d["explanation"])
    client = data(api.gql(INV, q, {"n": "Harbour Foods Ltd"}))["businessExposure"]
    via_provider = next(p for p in client["paths"] if p["target"]["id"] == "person:viktor petrov")
    assert via_provider["hops"] == 2
    assert [e["type"] for e in via_provider["edges"]] == ["SUPPLIED_LABOUR_TO", "WORKS_FOR"]
    assert "supplied by Sunrise Staffing Ltd" in via_provider["edges"][0]["evidence"][0]["snippet"]
    quiet = data(api.gql(INV, q, {"n": "Quiet Bakery Ltd"}))["businessExposure"]
    assert quiet["exposed"] is False and quiet["paths"] == []
    assert data(api.gql(INV, q, {"n": "No Such Firm"}))["businessExposure"] is None


def test_hotspots_routes_documents_analysis_runs(api: Api) -> None:
    q = """{ hotspots { location { id } events persons eventTypes }
             routes { origin { id } destination { id } persons documentIds }
             documents(limit: 2) { documents { id title kind entityCount traffickingTypes } pageInfo { hasMore } }
             analysisRuns { id algorithms nodeCount durationMs } }"""
    d = data(api.gql(INV, q))
    top = d["hotspots"][0]
    assert top["location"]["id"].startswith("city:bucharest") and top["events"] == 2
    assert d["routes"][0]["origin"]["id"].startswith("city:bucharest")
    assert d["routes"][0]["destination"]["id"].startswith("city:london") and d["routes"][0]["persons"] == 1
    docs = d["documents"]
    assert [x["id"] for x in docs["documents"]] == ["news-003", "news-002"] and docs["pageInfo"]["hasMore"]
    assert d["analysisRuns"] == [{"id": "run-test-1", "algorithms": ["wcc", "louvain", "pagerank"],
                                  "nodeCount": 12, "durationMs": 42}]  # fmt: skip
    case = data(api.gql(INV, '{ documents(text: "recruitment") { documents { id traffickingTypes } } }'))
    assert case["documents"]["documents"] == [{"id": "case-001", "traffickingTypes": ["ForcedLabour"]}]


def test_me(api: Api) -> None:
    assert data(api.gql("auditor", "{ me { keyName role maskedCategories } }"))["me"] == {
        "keyName": "test-auditor", "role": "auditor",
        "maskedCategories": ["email", "handle", "payment", "person", "phone", "vehicle"]}  # fmt: skip


def test_ingest_documents_reports_per_document(api: Api) -> None:
    ingest = """mutation($docs: [DocumentInput!]!) {
        ingestDocuments(documents: $docs) { documents { id ok error entities } } }"""
    docs = [
        {
            "id": "api-new-1",
            "text": "Jana Novak called +44 7700 900456 about work at Harbor Fish Ltd in Leeds.",
        },
        {"id": "api-too-long", "text": "x" * 200_001},
    ]
    for role in ("analyst", "auditor"):
        assert api.gql(role, ingest, {"docs": docs})["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    out = {d["id"]: d for d in data(api.gql(INV, ingest, {"docs": docs}))["ingestDocuments"]["documents"]}
    assert out["api-new-1"]["ok"] and out["api-new-1"]["entities"] >= 2
    assert not out["api-too-long"]["ok"] and "longer than" in out["api-too-long"]["error"]
    found = data(api.gql(INV, '{ search(text: "07700 900456") { hits { entity { id } } } }'))["search"][
        "hits"
    ]
    assert found[0]["entity"]["id"] == "phone:+447700900456"
    docs_now = data(api.gql(INV, "{ documents(limit: 10) { documents { id } } }"))["documents"]["documents"]
    assert "api-new-1" in {d["id"] for d in docs_now} and "api-too-long" not in {d["id"] for d in docs_now}


def test_merge_and_split_round_trip(api: Api) -> None:
    merge = """mutation { mergeEntities(ids: ["person:anna kowalska", "person:marek nowak"], reason: "test")
               { mergeId survivor ids } }"""
    for role in ("analyst", "auditor"):
        assert api.gql(role, merge)["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    res = data(api.gql(INV, merge))["mergeEntities"]
    assert res["survivor"] == "person:anna kowalska" and res["ids"] == ["person:marek nowak"]
    gone = api.gql(INV, '{ entity(id: "person:marek nowak") { id } }')["errors"][0]  # merged: NOT_FOUND
    assert gone["extensions"]["didYouMean"][0]["id"] == "person:anna kowalska"  # the survivor (alias name)
    split = "mutation($m: String!) { splitEntity(mergeId: $m) { ids } }"
    assert api.gql("auditor", split, {"m": res["mergeId"]})["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "person:marek nowak" in data(api.gql(INV, split, {"m": res["mergeId"]}))["splitEntity"]["ids"]
    assert (
        data(api.gql(INV, '{ entity(id: "person:marek nowak") { name } }'))["entity"]["name"] == "Marek Nowak"
    )
    bad = api.gql(INV, 'mutation { splitEntity(mergeId: "no-such-merge") { ids } }')
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_run_analysis_roles_and_result(api: Api) -> None:
    run = 'mutation { runAnalysis(only: ["networks"]) { id algorithms startedAt } }'
    assert api.gql("auditor", run)["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    res = data(api.gql("analyst", run))["runAnalysis"]
    assert res["id"] != "run-test-1"
    runs = data(api.gql("analyst", "{ analysisRuns { id } }"))["analysisRuns"]
    assert runs[0]["id"] == res["id"] and len(runs) == 2


def test_locations_carry_coordinates_and_country_code(api: Api, api_graph) -> None:
    q = "{ hotspots { location { id kind lat lon countryCode } } }"
    places = {h["location"]["id"]: h["location"] for h in data(api.gql(INV, q))["hotspots"]}
    bucharest = next(v for k, v in places.items() if k.startswith("city:bucharest"))
    stored = api_graph.read("api/entity", id=bucharest["id"])[0]["entity"]
    assert bucharest["countryCode"] == "RO" == stored["country_code"]
    assert (bucharest["lat"], bucharest["lon"]) == (stored.get("lat"), stored.get("lon"))
    person = data(api.gql(INV, '{ entity(id: "person:marek nowak") { lat lon countryCode } }'))["entity"]
    assert person == {"lat": None, "lon": None, "countryCode": None}
