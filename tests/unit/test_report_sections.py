# ruff: noqa: E501
"""Report sections comparing the period with the previous one: routes from movement facts (an empty
section says so) and networks that appeared, grew or went quiet (by kind, never by name)."""

from __future__ import annotations

import json
import re
from datetime import date

from graph.forecast.corridors import corridor_events, corridor_pairs, movement_facts
from graph.report.evidence import parse
from graph.report.judgements import opening
from graph.report.sections import networks, routes


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
    assert sec["basis"].endswith(
        "recruited in, transported from, transported via, transported to or exploited at"
    )
    assert not re.search(r"[A-Z]+_[A-Z]+", sec["basis"])  # read by people: no relationship type names
    assert corridor_pairs(facts, docs) == [("Bradford", "Leeds"), ("Hull", "Bradford"), ("York", "Leeds")]
    empty = routes(facts, [d for d in cur if d.id == "c1"], prev, "Q1")
    assert empty["flows"] == [] and empty["note"].startswith("No movement recorded in the period")
    # the route forecast's events: each recording document once, in its own period's corridors
    assert sorted(corridor_events(facts, docs, "month")) == [
        ("Hull → Bradford → Leeds", date(2025, 2, 1), "a1"), ("Hull → Bradford → Leeds", date(2025, 2, 9), "a2"),
        ("York → Leeds", date(2024, 11, 3), "b1"),
    ]  # fmt: skip


def test_routes_section_gets_a_backtested_outlook_and_a_route_judgement(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A corridor recorded every month and one recorded only in the first half: the report forecasts
    the busy one first, with an interval and a word, and judges the period's main corridor."""
    from graph.forecast.evaluate import run_routes
    from graph.report.build import Request, build_report

    rows = []
    for m in range(1, 25):
        day = f"{2023 + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}"
        for j in range(3):
            rows.append(
                _row(
                    f"h{m}-{j}",
                    f"{day}-0{j + 1}",
                    ["Hull", "Bradford", "Leeds"],
                    moves=True,
                    person=f"Ana Fictive{j}",
                )
            )
        if m <= 12:
            rows.append(_row(f"y{m}", f"{day}-05", ["York", "Leeds"], moves=True))
    rep = build_report(rows, Request(date(2024, 10, 1), date(2024, 12, 31), granularity="month", k=2))
    out = rep["routes"]["outlook"]  # type: ignore[index]
    assert out["period"] == "2025-01" and out["model"].startswith("backtest-weighted pool of")
    first, second = out["predicted"]
    assert first["name"] == "Hull → Bradford → Leeds" and second["name"] == "York → Leeds"
    assert (
        first["forecast"] > 2 > second["forecast"]
        and first["interval_80"][0] <= first["forecast"] <= first["interval_80"][1]
    )
    assert first["p_recorded_again"] > 0.9 > second["p_recorded_again"]
    flows = rep["routes"]["flows"]  # type: ignore[index]
    assert flows[0]["name"] == first["name"] and flows[0]["word"] == first["word"]
    judged = [j for j in rep["key_judgements"] if j["kind"] == "route"]  # type: ignore[union-attr]
    assert len(judged) == 1 and judged[0]["subject"] == first["name"] and len(judged[0]["evidence"]) >= 2
    assert judged[0]["text"].startswith(
        f"{opening(judged[0]['word'])} that movement along Hull → Bradford → Leeds"
    )
    assert rep["provenance"]["route_backtest"]  # type: ignore[index]
    src = tmp_path / "moves.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    bt = run_routes(src, "month", k=1, first=12)
    assert bt["places"] == 2 and bt["models"][0]["precision_at_k"] == 1.0  # the busy corridor, every origin


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


def test_a_corridor_split_across_forecast_periods_is_shown_but_not_judged() -> None:
    """From the graph a person's movements can be recorded in two months: the quarter's section shows
    one corridor, the monthly outlook has none for it, so the judgement goes to the next corridor
    with an outlook and two documents."""
    from graph.report.build import Request, build_report

    def fact(person: str, kind: str, place: str, doc: str, day: str) -> dict[str, object]:
        return {"person_id": person, "person": None, "fact": kind, "place_id": place, "place": place,
                "kind": "City", "lat": None, "lon": None, "first_start": 0, "doc_ids": [doc], "dates": [day]}  # fmt: skip

    rows, moves = [], []
    for m in range(1, 13):  # a corridor recorded by one document (one person) every month of 2024
        day, doc = f"2024-{m:02d}-03", f"y{m}"
        rows.append(_row(doc, day, ["York", "Bradford"]))
        moves += [
            fact(doc, "TRANSPORTED_FROM", "York", doc, day),
            fact(doc, "TRANSPORTED_TO", "Bradford", doc, day),
        ]
    for j in range(4):  # four people taken from Hull in November, recorded arriving in Leeds in December
        rows += [_row(f"h{j}", "2024-11-10", ["Hull"]), _row(f"l{j}", "2024-12-10", ["Leeds"])]
        moves += [fact(f"P{j}", "TRANSPORTED_FROM", "Hull", f"h{j}", "2024-11-10"),
                  fact(f"P{j}", "TRANSPORTED_TO", "Leeds", f"l{j}", "2024-12-10")]  # fmt: skip
    rep = build_report(
        rows, Request(date(2024, 10, 1), date(2024, 12, 31), granularity="month", k=2), movements=moves
    )
    flows = {f["name"]: f for f in rep["routes"]["flows"]}  # type: ignore[index]
    assert next(iter(flows)) == "Hull → Leeds" and flows["Hull → Leeds"]["persons"] == 4
    assert "forecast" not in flows["Hull → Leeds"] and "forecast" in flows["York → Bradford"]
    judged = [j for j in rep["key_judgements"] if j["kind"] == "route"]  # type: ignore[union-attr]
    assert [j["subject"] for j in judged] == ["York → Bradford"]


def test_a_report_on_one_period_says_its_words_are_untested_and_writes_no_nan() -> None:
    from graph.report.build import Request, build_report

    rows = [_row("a1", "2025-02-01", ["Hull", "Bradford", "Leeds"], moves=True),
            _row("a2", "2025-02-09", ["Hull", "Bradford", "Leeds"], moves=True, person="Ola Fictive"),
            _row("c1", "2025-02-11", ["Hull", "York"])]  # fmt: skip
    rep = build_report(rows, Request(date(2025, 2, 1), date(2025, 2, 28), granularity="year"))
    assert any("backtested on only 0 earlier period(s)" in s for s in rep["summary"])  # type: ignore[union-attr]
    assert rep["routes"]["outlook"]["backtest_origins"] == 0  # type: ignore[index]
    json.dumps(rep, allow_nan=False)  # strict JSON: a backtest without origins has no NaN score
    monthly = build_report(rows, Request(date(2025, 2, 1), date(2025, 2, 28), granularity="month"))
    assert monthly["key_judgements"]  # the caveat qualifies the judgements, it does not drop them


def test_a_judgement_opens_in_plain_english_for_every_word() -> None:
    from graph.forecast.calibration import YARDSTICK

    assert opening("remote chance") == "There is a remote chance"  # not "It is remote chance"
    assert opening("a realistic possibility") == "It is a realistic possibility"
    assert [opening(w) for w, _, _ in YARDSTICK if w != "remote chance"] == [
        f"It is {w}" for w, _, _ in YARDSTICK if w != "remote chance"
    ]


def test_prevention_targets_judged_places_then_where_people_leave_and_pass_through() -> None:
    """Where: the judged places first, then the departure points and transits of the busiest corridors
    inside the region; for whom: the people moving through each place and the forms reported there."""
    from graph.report.sections import prevention
    from graph.report.wording import label

    rows = [_row("a1", "2025-02-01", ["Hull", "Bradford", "Leeds"], moves=True),
            _row("a2", "2025-02-09", ["Hull", "Bradford", "Leeds"], moves=True, person="Ola Fictive"),
            _row("b1", "2025-02-11", ["Calais", "Dover"], moves=True),
            _row("c1", "2025-03-01", ["Leeds", "York"])]  # fmt: skip
    rows[0]["classification"]["indicators"] = [{"type": "FalseJobOffer"}]  # type: ignore[index]
    docs = parse(rows)
    flows = routes(movement_facts(rows), docs, [], "Q1")["flows"]
    out = prevention([("Leeds", "hotspot: stays in the top 10 next period (likely)")], flows, docs, label,
                     inside=lambda p: p != "Calais")  # fmt: skip
    assert [(r["where"], r["why"]) for r in out] == [
        ("Leeds", "hotspot: stays in the top 10 next period (likely)"),
        ("Hull", "departure point of Hull → Bradford → Leeds (2 people in the period)"),
        ("Bradford", "transit of Hull → Bradford → Leeds (2 people in the period)"),
    ]  # Calais, a departure point outside the region, is not a target of this report
    by = {r["where"]: r for r in out}
    assert by["Leeds"]["for_whom"] == "people arriving from Hull; at risk of forced labour"
    assert by["Hull"]["for_whom"] == "people leaving Hull for Leeds; at risk of forced labour"
    assert by["Bradford"]["for_whom"].startswith("people passing through towards Leeds")
    assert by["Hull"]["watch_for"] == "false job offer" and by["Leeds"]["watch_for"] == "false job offer"
    assert prevention([], [], docs, label) == []  # nothing judged, nothing moving: no invented target
