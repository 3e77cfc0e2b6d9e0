"""Analytics on the real Neo4j + GDS with a small planted world, ingested through `ingest_results`.

Planted (all fictional; phones in the +44 7700 900xxx drama range):
* Network A, two groups joined only by the broker Kasimir Ode:
  A1 = Dorin Vasek (recruiter), Mira Colt, Pavel Strenk, phone …101, victims Anja Roll and Lia Mone;
  A2 = Jonas Brill (exploiter), Teodor Lask, Velvet Moon Spa, phone …202.
* Network B = Rudolf Hamm (recruiter), Greta Falk, Fieldline Agency, a shared email, phone …404,
  victim Oleg Tarin.
* Network C = Sven Ardal, Ilka Brand, phone …303.
* Hubs in every document: Westshire Police (Authority), its spokesperson Dana Pike and her phone …999, and
  the city of Bristol. Extraction "errors" tie Dorin (A) and Rudolf (B) to the police phone and Sven (C) to
  the police, so without hub handling A, B and C collapse into one network.
* Routes: Iasi → Budapest → Bristol (Anja, Lia; doc-1, doc-2) and Chisinau → Vienna → Leeds (Oleg; doc-4).
"""

from __future__ import annotations

from typing import Any

import pytest

from extraction.models import ExtractionResult
from graph.analytics import InsufficientMemoryError, hotspots, load_options, routes, run_analysis
from graph.db import Database

CITY = {
    "Bristol": {"country_code": "GB", "lat": 51.45, "lon": -2.59},
    "Leeds": {"country_code": "GB", "lat": 53.80, "lon": -1.55},
    "Iasi": {"country_code": "RO", "lat": 47.16, "lon": 27.59},
    "Budapest": {"country_code": "HU", "lat": 47.50, "lon": 19.04},
    "Chisinau": {"country_code": "MD", "lat": 47.01, "lon": 28.86},
    "Vienna": {"country_code": "AT", "lat": 48.21, "lon": 16.37},
}
BOILER = " Westshire Police in Bristol said its spokesperson Dana Pike can be reached on +44 7700 900999."
BOILER_ENTITIES = [
    ("police", "Authority", "Westshire Police", {}),
    ("bristol", "City", "Bristol", CITY["Bristol"]),
    ("dana", "Person", "Dana Pike", {}),
    ("ph999", "Phone", "+44 7700 900999", {"value": "+447700900999"}),
]
BOILER_RELATIONS = [
    ("WORKS_FOR", "dana", "police"),
    ("USES_PHONE", "dana", "ph999"),
    ("USES_PHONE", "police", "ph999"),
    ("LOCATED_IN", "police", "bristol"),
]

DOCS: list[dict[str, Any]] = [
    {
        "id": "doc-1",
        "published": "2024-05-10",
        "source": "westshire-news",
        "text": "Dorin Vasek recruited Anja Roll in Iasi and she was moved via Budapest to Bristol. "
        "Dorin Vasek and Mira Colt shared the phone +44 7700 900101 and Pavel Strenk. Her passport "
        "was taken and she owed a debt.",
        "entities": [
            ("dorin", "Person", "Dorin Vasek", {"roles": ["Recruiter"]}),
            ("anja", "Person", "Anja Roll", {"roles": ["Victim"]}),
            ("iasi", "City", "Iasi", CITY["Iasi"]),
            ("budapest", "City", "Budapest", CITY["Budapest"]),
            ("mira", "Person", "Mira Colt", {}),
            ("pavel", "Person", "Pavel Strenk", {}),
            ("ph101", "Phone", "+44 7700 900101", {"value": "+447700900101"}),
        ],
        "relations": [
            ("RECRUITED", "dorin", "anja"),
            ("RECRUITED_IN", "anja", "iasi"),
            ("TRANSPORTED_FROM", "anja", "iasi"),
            ("TRANSPORTED_VIA", "anja", "budapest"),
            ("TRANSPORTED_TO", "anja", "bristol"),
            ("USES_PHONE", "dorin", "ph101"),
            ("USES_PHONE", "mira", "ph101"),
            ("ASSOCIATE_OF", "mira", "dorin"),
            ("ASSOCIATE_OF", "pavel", "dorin"),
            ("ASSOCIATE_OF", "pavel", "mira"),
            ("USES_PHONE", "dorin", "ph999"),
        ],
        "types": ["SexTrafficking"],
        "indicators": [("DocumentConfiscation", "passport"), ("DebtBondage", "owed a debt")],
    },
    {
        "id": "doc-2",
        "published": "2024-07-02",
        "source": "bristol-courier",
        "text": "Mira Colt (+44 7700 900101) recruited Lia Mone, who travelled from Iasi via Budapest to "
        "Bristol. Jonas Brill owns Velvet Moon Spa where Teodor Lask works; "
        "Jonas Brill and Velvet Moon Spa use +44 7700 900202.",
        "entities": [
            ("mira", "Person", "Mira Colt", {"roles": ["Recruiter"]}),
            ("lia", "Person", "Lia Mone", {"roles": ["Victim"]}),
            ("ph101", "Phone", "+44 7700 900101", {"value": "+447700900101"}),
            ("iasi", "City", "Iasi", CITY["Iasi"]),
            ("budapest", "City", "Budapest", CITY["Budapest"]),
            ("jonas", "Person", "Jonas Brill", {"roles": ["Exploiter"]}),
            ("spa", "FrontBusiness", "Velvet Moon Spa", {}),
            ("teodor", "Person", "Teodor Lask", {}),
            ("ph202", "Phone", "+44 7700 900202", {"value": "+447700900202"}),
        ],
        "relations": [
            ("RECRUITED", "mira", "lia"),
            ("USES_PHONE", "mira", "ph101"),
            ("TRANSPORTED_FROM", "lia", "iasi"),
            ("TRANSPORTED_VIA", "lia", "budapest"),
            ("TRANSPORTED_TO", "lia", "bristol"),
            ("OWNS", "jonas", "spa"),
            ("WORKS_FOR", "teodor", "spa"),
            ("ASSOCIATE_OF", "teodor", "jonas"),
            ("USES_PHONE", "jonas", "ph202"),
            ("USES_PHONE", "spa", "ph202"),
        ],
        "types": ["SexTrafficking"],
        "indicators": [],
    },
    {
        "id": "doc-3",
        "published": "2024-08-15",
        "source": "westshire-news",
        "text": "Kasimir Ode financed Dorin Vasek and Mira Colt (+44 7700 900101) and met Jonas Brill and "
        "Teodor Lask of Velvet Moon Spa.",
        "entities": [
            ("kasimir", "Person", "Kasimir Ode", {"roles": ["Financier"]}),
            ("dorin", "Person", "Dorin Vasek", {}),
            ("mira", "Person", "Mira Colt", {}),
            ("jonas", "Person", "Jonas Brill", {}),
            ("teodor", "Person", "Teodor Lask", {}),
            ("ph101", "Phone", "+44 7700 900101", {"value": "+447700900101"}),
            ("spa", "FrontBusiness", "Velvet Moon Spa", {}),
        ],
        "relations": [
            ("USES_PHONE", "dorin", "ph101"),
            ("USES_PHONE", "mira", "ph101"),
            ("OWNS", "jonas", "spa"),
            ("WORKS_FOR", "teodor", "spa"),
            ("ASSOCIATE_OF", "kasimir", "dorin"),
            ("ASSOCIATE_OF", "kasimir", "mira"),
            ("ASSOCIATE_OF", "kasimir", "jonas"),
            ("ASSOCIATE_OF", "kasimir", "teodor"),
        ],
        "types": ["SexTrafficking"],
        "indicators": [],
    },
    {
        "id": "doc-4",
        "published": "2024-04-01",
        "source": "leeds-gazette",
        "text": "Rudolf Hamm recruited Oleg Tarin in Chisinau; he was taken via Vienna to Leeds. Rudolf Hamm "
        "and Greta Falk used recruit@fieldwork.example.org; Greta Falk works for Fieldline Agency. "
        "His wages were withheld.",
        "entities": [
            ("rudolf", "Person", "Rudolf Hamm", {"roles": ["Recruiter"]}),
            ("oleg", "Person", "Oleg Tarin", {"roles": ["Victim"]}),
            ("chisinau", "City", "Chisinau", CITY["Chisinau"]),
            ("vienna", "City", "Vienna", CITY["Vienna"]),
            ("leeds", "City", "Leeds", CITY["Leeds"]),
            ("greta", "Person", "Greta Falk", {}),
            ("mail", "Email", "recruit@fieldwork.example.org", {}),
            ("agency", "EmploymentAgency", "Fieldline Agency", {}),
        ],
        "relations": [
            ("RECRUITED", "rudolf", "oleg"),
            ("RECRUITED_IN", "oleg", "chisinau"),
            ("TRANSPORTED_FROM", "oleg", "chisinau"),
            ("TRANSPORTED_VIA", "oleg", "vienna"),
            ("TRANSPORTED_TO", "oleg", "leeds"),
            ("USES_EMAIL", "rudolf", "mail"),
            ("USES_EMAIL", "greta", "mail"),
            ("WORKS_FOR", "greta", "agency"),
            ("USES_PHONE", "rudolf", "ph999"),
        ],
        "types": ["ForcedLabour"],
        "indicators": [("WithheldWages", "wages were withheld")],
    },
    {
        "id": "doc-5",
        "published": "2024-09-20",
        "source": "leeds-gazette",
        "text": "Fieldline Agency in Leeds answers on +44 7700 900404; Rudolf Hamm "
        "(recruit@fieldwork.example.org) is an associate of Greta Falk of Fieldline Agency.",
        "entities": [
            ("agency", "EmploymentAgency", "Fieldline Agency", {}),
            ("leeds", "City", "Leeds", CITY["Leeds"]),
            ("ph404", "Phone", "+44 7700 900404", {"value": "+447700900404"}),
            ("rudolf", "Person", "Rudolf Hamm", {}),
            ("greta", "Person", "Greta Falk", {}),
            ("mail", "Email", "recruit@fieldwork.example.org", {}),
        ],
        "relations": [
            ("USES_PHONE", "agency", "ph404"),
            ("ASSOCIATE_OF", "rudolf", "greta"),
            ("USES_EMAIL", "rudolf", "mail"),
            ("WORKS_FOR", "greta", "agency"),
        ],
        "types": ["ForcedLabour"],
        "indicators": [],
    },
    {
        "id": "doc-6",
        "published": "2023-06-01",
        "source": "bristol-courier",
        "text": "Sven Ardal, who once worked for Westshire Police, and Ilka Brand share +44 7700 900303.",
        "entities": [
            ("sven", "Person", "Sven Ardal", {}),
            ("ilka", "Person", "Ilka Brand", {}),
            ("ph303", "Phone", "+44 7700 900303", {"value": "+447700900303"}),
        ],
        "relations": [
            ("USES_PHONE", "sven", "ph303"),
            ("USES_PHONE", "ilka", "ph303"),
            ("WORKS_FOR", "sven", "police"),
        ],
        "types": [],
        "indicators": [],
    },
    {
        "id": "doc-7",
        "published": "2023-05-01",
        "source": "westshire-news",
        "text": "An earlier case in Bristol involved a woman from Iasi.",
        "entities": [("iasi", "City", "Iasi", CITY["Iasi"])],
        "relations": [],
        "types": ["SexTrafficking"],
        "indicators": [],
    },
]


def planted_results() -> list[ExtractionResult]:
    out = []
    for d in DOCS:
        text = d["text"] + BOILER
        entities = []
        for eid, etype, surface, attrs in d["entities"] + BOILER_ENTITIES:
            start = text.index(surface)
            value = attrs.get("value", surface.lower() if etype == "Email" else surface)
            extra = {k: v for k, v in attrs.items() if k != "value"}
            entities.append(
                {
                    "id": eid,
                    "type": etype,
                    "text": surface,
                    "start": start,
                    "end": start + len(surface),
                    "value": value,
                    "confidence": 0.9,
                    "attributes": extra,
                }
            )
        relations = [
            {
                "id": f"r{i}",
                "type": t,
                "source": s,
                "target": o,
                "start": 0,
                "end": len(text),
                "confidence": 0.8,
                "snippet": text[:80],
            }
            for i, (t, s, o) in enumerate(d["relations"] + BOILER_RELATIONS)
        ]
        types = [{"type": t, "confidence": 0.9, "spans": [[0, 20]]} for t in d["types"]]
        indicators = [
            {"type": t, "start": text.index(n), "end": text.index(n) + len(n), "text": n}
            for t, n in d["indicators"]
        ]
        out.append(
            ExtractionResult.model_validate(
                {
                    "id": d["id"],
                    "text": text,
                    "title": d["id"],
                    "published": d["published"],
                    "source": d["source"],
                    "doc_type": "NewsArticle",
                    "extractor_version": "test-analytics",
                    "entities": entities,
                    "relations": relations,
                    "classification": {"trafficking_types": types, "indicators": indicators},
                }
            )
        )
    return out


A1 = {"Dorin Vasek", "Mira Colt", "Pavel Strenk", "Anja Roll", "Lia Mone", "+447700900101"}
A2 = {"Jonas Brill", "Teodor Lask", "Velvet Moon Spa", "+447700900202"}
B = {
    "Rudolf Hamm",
    "Greta Falk",
    "Oleg Tarin",
    "Fieldline Agency",
    "recruit@fieldwork.example.org",
    "+447700900404",
}
C = {"Sven Ardal", "Ilka Brand", "+447700900303"}
HUBS = {"Westshire Police", "Dana Pike", "+447700900999", "Bristol"}


@pytest.fixture()
def world(db: Database) -> Database:
    from graph.ingest import ingest_results
    from ontology.schema import apply_schema

    apply_schema(db)
    summary = ingest_results(db, planted_results())
    assert not summary.failed, summary.failed
    return db


def members(db: Database) -> dict[str, dict[str, Any]]:
    """Network members keyed like the planted sets: identifiers by value, others by display name."""
    rows = db.read("analysis/network_members")
    return {(m["value"] if m["kind"] in {"Phone", "Email"} else m["name"]): m for m in rows}


def groups(rows: dict[str, dict[str, Any]], key: str) -> dict[Any, set[str]]:
    out: dict[Any, set[str]] = {}
    for name, m in rows.items():
        out.setdefault(m[key], set()).add(name)
    return out


def test_networks_communities_hubs_and_broker(world: Database) -> None:
    summary = run_analysis(world, options=load_options(hub_min_docs=5))
    rows = members(world)
    nets = {frozenset(g) for g in groups(rows, "network_id").values()}
    assert nets == {frozenset(A1 | A2 | {"Kasimir Ode"}), frozenset(B), frozenset(C)}
    assert not HUBS & set(rows), "hubs must not be in any network"
    excluded = {h.name for h in summary.excluded_hubs}
    assert {"Westshire Police", "Dana Pike", "+44 7700 900999", "Bristol"} <= excluded
    run = world.read("api/analysis_runs", offset=0, limit=1)[0]["run"]
    assert run["id"] == summary.run_id and run["status"] == "completed"
    assert any(h.startswith("Westshire Police") for h in run["excluded_hubs"])
    assert run["node_count"] == summary.node_count == len(rows)
    # communities: the two planted groups are recovered; the broker joins one of them
    comm = groups(rows, "community_id")
    a1 = rows["Dorin Vasek"]["community_id"]
    a2 = rows["Jonas Brill"]["community_id"]
    assert a1 != a2
    assert comm[a1] - {"Kasimir Ode"} == A1 and comm[a2] - {"Kasimir Ode"} == A2
    assert {rows[n]["community_id"] for n in B} == {rows["Rudolf Hamm"]["community_id"]}
    # key players: the broker has the top betweenness
    top = max(rows.values(), key=lambda m: m["betweenness"])
    assert top["name"] == "Kasimir Ode"
    assert summary.key_players[0]["name"] == "Kasimir Ode"
    assert all(m["analysis_run_id"] == summary.run_id for m in world.read("analysis/test_run_ids"))
    assert world.read("analysis/list_graphs") == []


def test_without_hub_handling_the_hubs_glue_networks(world: Database) -> None:
    """The control: the planted hubs really would merge A, B and C."""
    opts = load_options(
        hub_exclude_labels=[],
        hub_max_doc_fraction=1.0,
        hub_max_degree=10_000,
        hub_context=False,
        hub_source_min_unrelated=0,
    )
    summary = run_analysis(world, only="networks", options=opts)
    rows = members(world)
    assert (
        rows["Dorin Vasek"]["network_id"]
        == rows["Rudolf Hamm"]["network_id"]
        == rows["Sven Ardal"]["network_id"]
    )
    assert summary.excluded_hubs == []


def test_risk_reasons_explain_scores(world: Database) -> None:
    run_analysis(world, only="networks,communities,centrality,risk")
    risk = {r["name"]: r for r in world.read("library/top_risk_entities", kind="", limit=50)}
    dorin = risk["Dorin Vasek"]
    reasons = dorin["risk_reasons"]
    assert any("1 document with indicators DebtBondage, DocumentConfiscation" in s for s in reasons), reasons
    assert any("perpetrator role Recruiter" in s for s in dorin["risk_reasons"])
    assert any(s.startswith("recruited 1 person") for s in dorin["risk_reasons"])
    assert dorin["risk_score"] == sum(int(s.rsplit("(+", 1)[1].rstrip(")")) for s in dorin["risk_reasons"])
    assert any(
        s.startswith("broker between communities") and "betweenness rank 1" in s
        for s in risk["Kasimir Ode"]["risk_reasons"]
    )
    assert any(
        "shares phone +447700900101 with recruiter Dorin Vasek" in s
        for s in risk["Mira Colt"]["risk_reasons"]
    )
    assert risk["Anja Roll"]["risk_score"] == 0 and "victim" in risk["Anja Roll"]["risk_reasons"][0]


def test_a_partial_run_says_which_earlier_results_it_cleared(world: Database) -> None:
    run_analysis(world, only="networks,communities,centrality,risk")
    assert world.read("analysis/risk_ranking")
    summary = run_analysis(world, only="networks,communities")
    assert world.read("analysis/risk_ranking") == []  # one run's results on every entity, not a mix
    (note,) = [n for n in summary.notes if "did not compute" in n]
    not_computed = note.split(":")[0]
    assert "risk scores" in not_computed and "key-player centrality" in not_computed
    assert "communities" not in not_computed
    assert "without --only" in note


def test_similarity_candidates_are_not_merges(world: Database) -> None:
    summary = run_analysis(world, only="networks,similarity", options=load_options(similarity_cutoff=0.3))
    cands = world.read("analysis/test_similarity_candidates")
    assert summary.similarity_candidates == len(cands) > 0
    pair = {c["a"]: c for c in cands}
    assert all(c["source"] == "gds-node-similarity" and c["run_id"] == summary.run_id for c in cands)
    # Dorin and Mira share a phone and associates: a candidate with the phone in the reason, both nodes kept
    dm = [c for c in cands if {c["a"], c["b"]} == {"Dorin Vasek", "Mira Colt"}]
    assert dm and "+447700900101" in dm[0]["reason"], pair
    assert {"Dorin Vasek", "Mira Colt"} <= set(members(world))


def test_hotspots_match_planted_facts(world: Database) -> None:
    out = hotspots(world, window_days=365, until="2024-09-30")
    rows = {r["place"]: r for r in out["rows"]}
    assert out["rows"][0]["place"] == "Bristol"
    bristol = rows["Bristol"]
    assert (bristol["score"], bristol["documents"], bristol["previous_score"], bristol["trend"]) == (
        3,
        5,
        1,
        "rising",
    )
    assert bristol["types"] == ["ForcedLabour", "SexTrafficking"]
    assert (rows["Iasi"]["score"], rows["Iasi"]["documents"], rows["Iasi"]["trend"]) == (2, 2, "rising")
    assert (rows["Leeds"]["score"], rows["Leeds"]["documents"], rows["Leeds"]["trend"]) == (1, 2, "new")
    assert rows["Chisinau"]["doc_ids"] == ["doc-4"]
    feat = {f["properties"]["place"]: f for f in out["geojson"]["features"]}
    assert out["geojson"]["type"] == "FeatureCollection"
    assert feat["Bristol"]["geometry"] == {"type": "Point", "coordinates": [-2.59, 51.45]}


def test_routes_match_planted_facts(world: Database) -> None:
    out = routes(world)
    rows = {(r["origin"], tuple(r["via"]), r["destination"]): r for r in out["rows"]}
    assert set(rows) == {("Iasi", ("Budapest",), "Bristol"), ("Chisinau", ("Vienna",), "Leeds")}
    east = rows[("Iasi", ("Budapest",), "Bristol")]
    assert (east["persons"], east["doc_ids"], east["first_seen"], east["last_seen"]) == (
        2,
        ["doc-1", "doc-2"],
        "2024-05-10",
        "2024-07-02",
    )
    assert rows[("Chisinau", ("Vienna",), "Leeds")]["doc_ids"] == ["doc-4"]
    lines = {f["properties"]["origin"]: f["geometry"] for f in out["geojson"]["features"]}
    assert lines["Iasi"] == {
        "type": "LineString",
        "coordinates": [[27.59, 47.16], [19.04, 47.5], [-2.59, 51.45]],
    }


def test_projection_dropped_when_an_algorithm_fails(world: Database) -> None:
    with pytest.raises(Exception, match="dampingFactor"):
        run_analysis(world, only="networks,centrality", options=load_options(pagerank_damping=1.5))
    assert world.read("analysis/list_graphs") == []
    run = world.read("api/analysis_runs", offset=0, limit=1)[0]["run"]
    assert run["status"] == "failed" and "dampingFactor" in run["error"]


def test_memory_estimate_refuses_before_projecting(world: Database) -> None:
    with pytest.raises(InsufficientMemoryError, match="of the Neo4j heap"):
        run_analysis(world, options=load_options(max_heap_percentage=0.0))
    assert world.read("analysis/list_graphs") == []


def test_louvain_recovers_the_same_groups(world: Database) -> None:
    run_analysis(world, only="networks,communities", options=load_options(community_algorithm="louvain"))
    rows = members(world)
    comm = groups(rows, "community_id")
    a1, a2 = rows["Dorin Vasek"]["community_id"], rows["Jonas Brill"]["community_id"]
    assert a1 != a2
    assert comm[a1] - {"Kasimir Ode"} == A1 and comm[a2] - {"Kasimir Ode"} == A2
    run = world.read("api/analysis_runs", offset=0, limit=1)[0]["run"]
    assert run["algorithms"] == ["wcc", "louvain"]
