"""Time-structured forecasting scenarios: deterministic, with the planted structure in the truth."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from seed.scenarios import FORMAT, generate, write


def test_scenario_is_deterministic_and_counts_match_documents() -> None:
    a, b = generate(5, months=24), generate(5, months=24)
    assert np.array_equal(a.counts, b.counts) and a.documents == b.documents
    assert not np.array_equal(a.counts, generate(6, months=24).counts)
    per_place = {p: 0 for p in a.places}
    for d in a.documents:
        for p in set(d["places"]):  # type: ignore[arg-type]
            per_place[p] += 1
            assert p in str(d["text"])
    assert [per_place[p] for p in a.places] == a.counts.sum(axis=1).astype(int).tolist()


def test_emerging_hotspots_grow_fading_places_shrink_and_routes_peak_in_their_month() -> None:
    sc = generate(2, months=48, n_emerging=4, n_routes=3)
    truth = sc.truth
    assert truth["format"] == FORMAT
    shifts = truth["displacements"]
    assert len(shifts) == 4  # type: ignore[arg-type]
    for shift in shifts:  # type: ignore[union-attr]
        onset = sc.periods.index(shift["onset"])
        e, f = sc.places.index(shift["emerging"]), sc.places.index(shift["fading"])
        assert sc.intensity[e, min(onset + 12, 47)] > 4 * sc.intensity[e, onset]
        assert sc.intensity[f, min(onset + 12, 47)] < sc.intensity[f, onset]
    for route in truth["seasonal_routes"]:  # type: ignore[union-attr]
        peak = route["peak_month"]
        origin = sc.places.index(route["route"][0])
        months = [int(p[5:]) for p in sc.periods]
        at_peak = np.mean([sc.intensity[origin, t] for t, m in enumerate(months) if m == peak])
        off_peak = np.mean([sc.intensity[origin, t] for t, m in enumerate(months) if (m - peak) % 12 == 6])
        assert at_peak > off_peak + 2


def test_write_produces_ingestable_lines_and_ground_truth(tmp_path) -> None:  # type: ignore[no-untyped-def]
    sc = generate(3, months=13)
    corpus, extracted, truth = write(sc, tmp_path)
    lines = [json.loads(x) for x in corpus.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(sc.documents)
    assert set(lines[0]) == {"id", "text", "published", "source"}
    assert json.loads(truth.read_text(encoding="utf-8"))["generator"]["seed"] == 3
    rows = [json.loads(x) for x in extracted.read_text(encoding="utf-8").splitlines()]
    for row in rows[:50]:
        for e in row["entities"]:
            assert row["text"][e["start"] : e["end"]] == e["value"]
    assert {r["classification"]["trafficking_types"][0]["type"] for r in rows} == {
        "SexTrafficking",
        "ForcedLabour",
    }


def test_corridor_waves_jump_stop_by_stop_after_weak_early_warnings() -> None:
    sc = generate(4, months=48, n_emerging=0, n_routes=0, n_waves=6)
    waves = sc.truth["corridor_waves"]
    assert len(waves) == 6  # type: ignore[arg-type]
    before, background, jumps = [], [], []
    for wave in waves:  # type: ignore[union-attr]
        onsets = [sc.periods.index(s["onset"]) for s in wave["stops"].values()]
        assert onsets == sorted(onsets) and all(1 <= b - a <= 2 for a, b in itertools.pairwise(onsets))
        for place, on in zip(wave["stops"], onsets, strict=False):
            i = sc.places.index(place)
            jumps.append(sc.intensity[i, on] / sc.intensity[i, on - 3])
            warn = sc.truth["warning_intensity"][place]  # type: ignore[index]
            before.append(warn[on - 1])
            background.append(warn[max(on - 6, 0)])
    assert np.median(jumps) > 3.5  # x e^1.4 at onset (less where an earlier wave still holds the place)
    assert min(before) >= 1.5 and np.median(background) < 0.5  # weak: ~1.5 expected documents, not a flood
    warned = [d for d in sc.documents if d["warning"]]
    assert warned and sc.signals.sum() == len(warned)
    assert sc.counts.sum() == sum(len(set(d["places"])) for d in sc.documents)  # type: ignore[arg-type]


def test_a_larger_panel_adds_real_towns_with_their_own_corridors_and_keeps_the_seed_panel() -> None:
    from seed.places import CITIES
    from seed.scenarios import corridor_edges, extra_towns, profile_scenario

    small = profile_scenario(2, "displacement")
    same = generate(2, n_emerging=4, n_routes=6, route_peak=10.0, n_waves=12)
    assert np.array_equal(small.counts, same.counts) and len(small.places) == 28
    big = profile_scenario(1, "steady", 60)
    towns = set(big.places) - set(CITIES)
    assert len(big.places) == 60 and set(CITIES) < set(big.places) and "Dnipro" in towns
    assert big.truth["generator"]["n_waves"] == 9 and big.truth["generator"]["n_emerging"] == 9  # type: ignore[index]
    assert profile_scenario(1, "steady", 60, scaled=False).truth["generator"]["n_waves"] == 4  # type: ignore[index]
    many = set(extra_towns(200))
    assert "Mykolayiv" not in many and "Sector 3" not in many  # the seed's Mykolaiv; a district of Bucharest
    edges = set(corridor_edges(60))
    assert set(corridor_edges()) < edges and any(a in towns and b in towns for a, b in edges)
    hit = {p for w in big.truth["corridor_waves"] for p in w["stops"]}  # type: ignore[union-attr]
    assert hit & towns  # waves run through the added towns too
    with pytest.raises(ValueError, match="profile must be one of"):
        profile_scenario(1, "war")


def test_ceiling_is_the_backtests_oracle_and_baselines_without_a_model_fit() -> None:
    from graph.forecast.backtest import backtest
    from graph.forecast.evaluate import ceiling
    from graph.forecast.models import LastPeriod, LongRunMean
    from graph.forecast.panel import Panel

    sc = generate(3, n_waves=4)
    panel = Panel(sc.places, sc.periods, sc.counts, 12)
    scores, _ = backtest(panel, first=24, models=[LastPeriod(), LongRunMean()], truth=sc.intensity)
    rows = {s.name: float(np.mean(s.precision)) for s in scores}
    got = ceiling([(panel, sc.intensity)])
    for name in (LastPeriod.name, LongRunMean.name, "oracle (planted intensity)"):
        assert got[name] == round(rows[name], 3)
    assert got["oracle over the better baseline"] == pytest.approx(
        got["oracle (planted intensity)"] - max(got[LastPeriod.name], got[LongRunMean.name]), abs=1e-9
    )
