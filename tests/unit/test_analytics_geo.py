"""Hotspots and routes from catalog rows (FakeRunner), with GeoJSON output."""

from __future__ import annotations

from graph.analytics.hotspots import hotspots
from graph.analytics.routes import corridors, person_stops, routes
from graph.db import FakeRunner


def place_row(place: str, doc: str, published: str, source: str, types: list[str]) -> dict[str, object]:
    coords = {"Leeds": (53.8, -1.55), "Hull": (53.74, -0.33)}
    return {
        "place_id": f"city:{place.lower()}",
        "place": place,
        "kind": "City",
        "lat": coords[place][0],
        "lon": coords[place][1],
        "country_code": "GB",
        "doc_id": doc,
        "published": published,
        "source": source,
        "types": types,
    }


def test_hotspots_count_independent_sources_with_trend() -> None:
    rows = [
        place_row("Leeds", "d1", "2024-05-01", "gazette", ["ForcedLabour"]),
        place_row("Leeds", "d2", "2024-06-01", "gazette", ["ForcedLabour"]),
        place_row("Leeds", "d3", "2024-07-01", "courier", ["SexTrafficking"]),
        place_row("Leeds", "d0", "2023-03-01", "gazette", ["ForcedLabour"]),
        place_row("Hull", "d4", "2024-02-01", "courier", ["ForcedLabour"]),
        place_row("Hull", "d5", "2023-02-01", "courier", []),
        place_row("Hull", "d6", "2023-02-02", "wire", []),
    ]
    db = FakeRunner(results={"analysis/hotspot_documents": rows})
    out = hotspots(db, window_days=365, until="2024-09-30")  # type: ignore[arg-type]
    assert db.calls[0][2]["since"] == "2022-10-02" and db.calls[0][2]["until"] == "2024-09-30"
    leeds, hull = out["rows"]
    assert (leeds["place"], leeds["score"], leeds["documents"], leeds["previous_score"], leeds["trend"]) == (
        "Leeds",
        2,
        3,
        1,
        "rising",
    )
    assert leeds["types"] == ["ForcedLabour", "SexTrafficking"]
    assert (hull["score"], hull["previous_score"], hull["trend"]) == (1, 2, "falling")
    assert out["geojson"]["features"][0]["geometry"] == {"type": "Point", "coordinates": [-1.55, 53.8]}


def test_hotspots_empty_graph() -> None:
    db = FakeRunner(results={"analysis/latest_published": [{"latest": None}]})
    assert hotspots(db)["rows"] == []  # type: ignore[arg-type]


def fact(
    person: str,
    fact: str,
    place: str,
    start: int = 0,
    docs: tuple[str, ...] = ("d1",),
    dates: tuple[str, ...] = ("2024-01-01",),
) -> dict[str, object]:
    lat = {"A": 1.0, "B": 2.0, "C": 3.0, "D": 4.0}.get(place)
    return {
        "person_id": person,
        "person": person.title(),
        "fact": fact,
        "place_id": place,
        "place": place,
        "kind": "City",
        "lat": lat,
        "lon": lat,
        "first_start": start,
        "doc_ids": list(docs),
        "dates": list(dates),
    }


def test_person_stops_order_and_exploitation_fallback() -> None:
    stops = person_stops(
        [
            fact("p", "TRANSPORTED_TO", "C"),
            fact("p", "TRANSPORTED_VIA", "B", 50),
            fact("p", "RECRUITED_IN", "A"),
            fact("p", "TRANSPORTED_FROM", "A"),
            fact("p", "EXPLOITED_AT", "D"),
        ]
    )
    assert [s["place"] for s in stops] == ["A", "B", "C"]
    assert [
        s["place"] for s in person_stops([fact("p", "RECRUITED_IN", "A"), fact("p", "EXPLOITED_AT", "D")])
    ] == ["A", "D"]


def test_corridors_merge_persons_and_evidence() -> None:
    rows = [
        fact("p1", "TRANSPORTED_FROM", "A", docs=("d1",), dates=("2024-01-01",)),
        fact("p1", "TRANSPORTED_TO", "C", docs=("d1",), dates=("2024-01-01",)),
        fact("p2", "TRANSPORTED_FROM", "A", docs=("d2",), dates=("2024-03-05",)),
        fact("p2", "TRANSPORTED_TO", "C", docs=("d2",), dates=("2024-03-05",)),
        fact("p3", "TRANSPORTED_TO", "C"),
    ]
    (c,) = corridors(rows)
    assert (c["origin"], c["via"], c["destination"], c["persons"]) == ("A", [], "C", 2)
    assert (c["doc_ids"], c["first_seen"], c["last_seen"]) == (["d1", "d2"], "2024-01-01", "2024-03-05")
    out = routes(FakeRunner(results={"analysis/route_facts": rows}))  # type: ignore[arg-type]
    assert out["geojson"]["features"][0]["geometry"] == {
        "type": "LineString",
        "coordinates": [[1.0, 1.0], [3.0, 3.0]],
    }
