# ruff: noqa: E501
"""Report sections comparing the period with the previous one: routes from movement facts (an empty
section says so) and networks that appeared, grew or went quiet (by kind, never by name)."""

from __future__ import annotations

from datetime import date

from graph.report.evidence import parse
from graph.report.sections import corridor_pairs, movement_facts, networks, routes


def _row(doc: str, day: str, places: list[str], moves: bool = False, community: int | None = None,
         person: str = "Dana Fictive") -> dict[str, object]:  # fmt: skip
    text = f"{person} was taken from " + " to ".join(places) + "."
    ents: list[dict[str, object]] = [{"id": "p", "type": "Person", "value": person, "start": 0, "end": len(person),
                                      "community_id": community}]  # fmt: skip
    for i, place in enumerate(places):
        at = text.index(place)
        ents.append({"id": f"l{i}", "type": "City", "value": place, "start": at, "end": at + len(place)})
    kinds = ["TRANSPORTED_FROM", *(["TRANSPORTED_VIA"] * (len(places) - 2)), "TRANSPORTED_TO"]
    rels = [{"type": k, "source": "p", "target": f"l{i}"} for i, k in enumerate(kinds)] if moves else []
    return {"id": doc, "published": day, "text": text, "entities": ents, "relations": rels,
            "classification": {"trafficking_types": [{"type": "ForcedLabour"}], "indicators": []}}  # fmt: skip


def test_routes_from_movement_relations_and_a_stated_gap_when_there_are_none() -> None:
    rows = [_row("a1", "2025-02-01", ["Hull", "Bradford", "Leeds"], moves=True),
            _row("a2", "2025-02-09", ["Hull", "Bradford", "Leeds"], moves=True, person="Ola Fictive"),
            _row("b1", "2024-11-03", ["York", "Leeds"], moves=True),
            _row("c1", "2025-03-01", ["Hull", "York"])]  # fmt: skip
    facts = movement_facts(rows)
    assert {f["fact"] for f in facts} == {"TRANSPORTED_FROM", "TRANSPORTED_VIA", "TRANSPORTED_TO"}
    docs = parse(rows)
    cur = [d for d in docs if d.day >= date(2025, 1, 1)]
    prev = [d for d in docs if d.day < date(2025, 1, 1)]
    sec = routes(facts, cur, prev, "Q1")
    assert [(f["name"], f["persons"], f["previous"]) for f in sec["flows"]] == [
        ("Hull → Bradford → Leeds", 2, 0)
    ]
    assert sec["no_longer_seen"] == ["York → Leeds"] and sec["note"] is None
    assert corridor_pairs(facts, docs) == [("Bradford", "Leeds"), ("Hull", "Bradford"), ("York", "Leeds")]
    empty = routes(facts, [d for d in cur if d.id == "c1"], prev, "Q1")
    assert empty["flows"] == [] and empty["note"].startswith("No movement recorded in the period")


def test_networks_appeared_grew_went_quiet_without_names() -> None:
    rows = [_row("n1", "2025-02-01", ["Leeds"], community=7), _row("n2", "2025-02-03", ["Leeds"], community=7),
            _row("g0", "2024-11-01", ["Hull"], community=8), _row("g1", "2025-01-05", ["Hull"], community=8),
            _row("g2", "2025-01-06", ["Hull"], community=8),
            _row("q1", "2024-10-01", ["York"], community=9), _row("q2", "2024-10-05", ["York"], community=9)]  # fmt: skip
    docs = parse(rows)
    cur = [d for d in docs if d.day >= date(2025, 1, 1)]
    prev = [d for d in docs if d.day < date(2025, 1, 1)]
    sec = networks(cur, prev, True, "Q1")
    assert [(n["community"], n["documents"], n["previous"]) for n in sec["appeared"]] == [(7, 2, 0)]
    assert [(n["community"], n["documents"], n["previous"]) for n in sec["grew"]] == [(8, 2, 1)]
    assert [(n["community"], n["places"]) for n in sec["went_quiet"]] == [(9, ["York"])]
    assert sec["appeared"][0]["members_by_kind"] == "1 Person" and "Dana" not in str(sec)
    off = networks(cur, prev, False, "Q1")
    assert not off["available"] and "lantern analyze" in off["note"]
