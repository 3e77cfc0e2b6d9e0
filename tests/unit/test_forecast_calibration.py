"""PHIA probability words, the recalibration map and the calibration table; the backtest CLI."""

from __future__ import annotations

import json

import numpy as np
from typer.testing import CliRunner

from api.cli import app
from graph.forecast.backtest import Judgement
from graph.forecast.calibration import YARDSTICK, brier, cross_fitted, fit_calibrator, table, word_for


def test_words_follow_the_phia_bands_and_split_gaps_at_the_midpoint() -> None:
    assert [word_for(p) for p in (0.01, 0.15, 0.3, 0.45, 0.6, 0.85, 0.97)] == [w for w, _, _ in YARDSTICK]
    assert word_for(0.07) == "remote chance" and word_for(0.08) == "highly unlikely"
    assert word_for(0.52) == "a realistic possibility" and word_for(0.53) == "likely"
    assert word_for(0.92) == "highly likely" and word_for(1.0) == "almost certain"


def _overconfident(n: int = 2000) -> list[Judgement]:
    """A model that says 0.9 or 0.1 when the truth is 0.6 or 0.4."""
    rng = np.random.default_rng(1)
    calls = []
    for i in range(n):
        high = i % 2 == 0
        calls.append(Judgement("hotspot", f"p{i % 7}", f"{i % 10}", 0.9 if high else 0.1,
                               bool(rng.random() < (0.6 if high else 0.4))))  # fmt: skip
    return calls


def test_table_shows_an_overconfident_model_and_recalibration_fixes_it() -> None:
    calls = _overconfident()
    raw = {r.word: r for r in table([(c.probability, c.came_true) for c in calls])}
    assert raw["highly likely"].judgements == 1000 and 0.55 < raw["highly likely"].came_true < 0.65  # type: ignore[operator]
    assert raw["likely"].judgements == 0 and raw["likely"].came_true is None
    recal = cross_fitted(calls)
    assert len(recal) == len(calls)
    fixed = {r.word: r for r in table(recal)}
    assert fixed["likely"].judgements == 1000 and fixed["a realistic possibility"].judgements == 1000
    assert brier(recal) < brier([(c.probability, c.came_true) for c in calls]) - 0.03
    assert fit_calibrator(calls[:5])(0.9)[0] == 0.9  # too few judgements: identity


def test_backtest_cli_prints_scores_and_writes_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = []
    for year, n in ((2010, 3), (2011, 4), (2012, 6), (2013, 9), (2014, 12), (2015, 15), (2016, 20)):
        for j in range(n):
            place = "Rivertown" if j % 2 else ("Lakeside" if j % 3 else "Hillford")
            lines.append({"id": f"d{year}-{j}", "published": f"{year}-03-0{1 + j % 9}",
                          "entities": [{"type": "City", "value": place}]})  # fmt: skip
    src = tmp_path / "x.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "bt.json"
    result = CliRunner().invoke(
        app, ["forecast", "backtest", "--extracted", str(src), "-k", "2", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "calibration" in result.output and "precision@k gain" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))[0]
    assert data["places"] == 3 and data["models"][0]["origins"] == 3
    assert set(data["gains"]) == {"vs last period repeats", "vs long-run average"}
    bad = CliRunner().invoke(app, ["forecast", "backtest"])
    assert bad.exit_code == 1 and "--scenarios" in bad.output
