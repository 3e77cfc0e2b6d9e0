"""The forecast a report states: the backtest-weighted pool of the candidates for the next period,
recalibrated where that helps."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from graph.forecast.backtest import backtest, pool
from graph.forecast.calibration import Calibrator, choose_calibrator, table
from graph.forecast.distribution import Forecast
from graph.forecast.models import candidates, first_origin
from graph.forecast.panel import Panel, next_period

MAX_ORIGINS = 12  # recent origins scored to choose the model (bounds the report's run time)


@dataclass(frozen=True)
class Outlook:
    panel: Panel
    period: str  # the predicted period
    model: str  # what the forecast is, for the reader: the pool and its weights
    forecast: Forecast
    calibrator: Calibrator  # the identity where the isotonic map did not score better out of sample
    backtest: list[dict[str, float | str | int]]
    calibration: list[dict[str, object]]  # per word, how the probabilities the report uses held
    k: int  # a hotspot is one of the k places with most documents
    hotspot: np.ndarray  # raw P(hotspot next period) per place (joint draws: computed once)
    lower: np.ndarray  # 80 % prediction interval per place
    upper: np.ndarray
    median: np.ndarray  # per place: below the mean when a candidate of the pool expects far more
    origins: int  # earlier periods the forecast was backtested on (0: its words are untested here)
    lead: str  # the heaviest candidate and its weight, for the summary ("Poisson GLM … 61%")

    @property
    def probabilities(self) -> str:
        """Where the words' probabilities come from, for the reader."""
        if self.calibrator.fitted is not None:
            return "recalibrated on this backtest (isotonic map; the table is measured out of sample)"
        return (
            "the forecast's own (a recalibration did not score better out of sample, or too few judgements)"
        )

    def index(self, name: str) -> int:
        return self.panel.places.index(name)

    def p_at_least(self, name: str, q: float) -> float:
        i = self.index(name)
        return float(self.calibrator(float(self.forecast.prob_at_least(q)[i]))[0])

    def p_hotspot(self, name: str) -> float:
        """P(`name` is one of the k places with most documents next period), recalibrated."""
        return float(self.calibrator(float(self.hotspot[self.index(name)]))[0])

    def middle(self, name: str) -> int:
        """The forecast's median for `name`."""
        return int(self.median[self.index(name)])

    def interval(self, name: str) -> tuple[int, int]:
        i = self.index(name)
        return int(self.lower[i]), int(self.upper[i])


def outlook(panel: Panel, granularity: str, k: int = 10) -> Outlook:
    """Backtest the candidate models (`models.candidates`) on the panel's recent periods, weigh them
    by the log score their pool reaches there (`backtest.pool`), fit each on everything and forecast
    the next period with the weighted pool; probabilities go through the backtest's isotonic
    recalibration where it scores better out of sample (`calibration.choose_calibrator`)."""
    models = candidates(panel)
    n = panel.counts.shape[1]
    first = max(n - 1 - MAX_ORIGINS, min(first_origin(panel.season), n - 2), 1)
    scores, calls = backtest(panel, k=k, first=first, models=models, warmup=first)
    pooled = pool(scores[1 : 1 + len(models)], [m.forecast(panel) for m in models])
    weights = sorted(zip(pooled.weights, (m.name for m in models), strict=True), reverse=True)
    name = "backtest-weighted pool of " + "; ".join(f"{m} {w:.0%}" for w, m in weights if round(w, 2) > 0)
    rows = [s.summary() for s in scores]
    lower, upper = pooled.interval(0.8)
    calibrator, held = choose_calibrator(calls)
    return Outlook(
        panel=panel, period=next_period(panel.periods[-1], granularity), model=name, forecast=pooled,
        calibrator=calibrator, backtest=rows, calibration=[r.as_dict() for r in table(held)], k=k,
        hotspot=pooled.prob_hotspot(k), lower=lower, upper=upper, median=pooled.interval(0.0)[0],
        origins=len(scores[0].precision), lead=f"{weights[0][1]} {weights[0][0]:.0%}",
    )  # fmt: skip
