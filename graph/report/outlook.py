"""The forecast a report states: the backtest-chosen model for the next period, recalibrated."""

from __future__ import annotations

from dataclasses import dataclass

from graph.forecast.backtest import backtest, select
from graph.forecast.calibration import Calibrator, fit_calibrator, table
from graph.forecast.distribution import CountForecast
from graph.forecast.models import candidates, first_origin
from graph.forecast.panel import Panel, next_period

MAX_ORIGINS = 12  # recent origins scored to choose the model (bounds the report's run time)


@dataclass(frozen=True)
class Outlook:
    panel: Panel
    period: str  # the predicted period
    model: str
    forecast: CountForecast
    calibrator: Calibrator
    backtest: list[dict[str, float | str | int]]
    calibration: list[dict[str, object]]

    def index(self, name: str) -> int:
        return self.panel.places.index(name)

    def p_at_least(self, name: str, q: float) -> float:
        i = self.index(name)
        return float(self.calibrator(float(self.forecast.prob_at_least(q)[i]))[0])

    def p_hotspot(self, name: str, k: int) -> float:
        """P(`name` is one of the k places with most documents next period), recalibrated."""
        p = float(self.forecast.prob_hotspot(k)[self.index(name)])
        return float(self.calibrator(p)[0])

    def interval(self, name: str) -> tuple[int, int]:
        lo, hi = self.forecast.interval(0.8)
        i = self.index(name)
        return int(lo[i]), int(hi[i])


def outlook(panel: Panel, granularity: str, k: int = 10) -> Outlook:
    """Backtest the candidate models (`models.candidates`) on the panel's recent periods, keep the one
    with the best log score (`backtest.select`), fit it on everything and forecast the next period;
    probabilities go through the backtest's isotonic recalibration."""
    models = candidates(panel)
    n = panel.counts.shape[1]
    first = max(n - 1 - MAX_ORIGINS, min(first_origin(panel.season), n - 2), 1)
    scores, calls = backtest(panel, k=k, first=first, models=models, warmup=first)
    best = select(scores[1 : 1 + len(models)])
    chosen = models[best]
    rows = [s.summary() for s in scores]
    return Outlook(panel, next_period(panel.periods[-1], granularity), chosen.name, chosen.forecast(panel),
                   fit_calibrator(calls), rows,
                   [r.as_dict() for r in table([(c.probability, c.came_true) for c in calls])])  # fmt: skip
