"""Next-period count models: the pooled Poisson GLM, its variants and the two naive baselines —
the candidates a backtest chooses among (`candidates`).

Every model maps a panel known up to period t to a `CountForecast` for t+1. The GLM is one
Poisson regression pooled over places; its inputs are the place's own history (and leading
indicators where the data has them), so each coefficient reads as a multiplier ("a place whose same
month stood twice its year's level in earlier years is forecast ... times higher").
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from sklearn.linear_model import PoissonRegressor

from graph.forecast.distribution import FLOOR, CountForecast, Dispersion, fit_dispersion, jump, one_thread
from graph.forecast.panel import Panel

TREND_WINDOW = 6
MIN_WARNINGS = 20  # early-warning documents a history needs before their coefficient is estimated
RECENT_WINDOW = 3


class Model(Protocol):
    name: str

    def forecast(self, panel: Panel) -> CountForecast: ...


def _history_dispersion(panel: Panel, point: type[_Point], start: int = 1) -> Dispersion:
    """Dispersion of a point rule from its own one-step errors on the panel's history."""
    ys, mus, zs = [], [], []
    for s in range(start, panel.counts.shape[1] - 1):
        known = panel.counts[:, : s + 1]
        mus.append(point.mean(known))
        zs.append(jump(known))
        ys.append(panel.counts[:, s + 1])
    if not ys:
        return Dispersion.poisson()
    return fit_dispersion(np.concatenate(ys), np.concatenate(mus), np.concatenate(zs))


class _Point:
    name = "point"

    @staticmethod
    def mean(counts: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    @staticmethod
    def tiebreak(counts: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def forecast(self, panel: Panel) -> CountForecast:
        dispersion = _history_dispersion(panel, type(self))
        return CountForecast(self.mean(panel.counts), dispersion(jump(panel.counts)))


class LastPeriod(_Point):
    """Baseline: next period repeats this one (ties ranked by the long-run average)."""

    name = "last period repeats"

    @staticmethod
    def mean(counts: np.ndarray) -> np.ndarray:
        return counts[:, -1].astype(float)

    @staticmethod
    def tiebreak(counts: np.ndarray) -> np.ndarray:
        return counts.mean(axis=1)


class LongRunMean(_Point):
    """Baseline: next period is the place's average over all periods so far (ties by last period)."""

    name = "long-run average"

    @staticmethod
    def mean(counts: np.ndarray) -> np.ndarray:
        return counts.mean(axis=1)

    @staticmethod
    def tiebreak(counts: np.ndarray) -> np.ndarray:
        return counts[:, -1].astype(float)


def leading(
    counts: np.ndarray, signals: np.ndarray | None, upstream: np.ndarray | None
) -> tuple[list[np.ndarray], list[str]]:
    """Leading indicators (Cohen, Gorr & Olligschlaeger 2007: early low-level signals and spatial
    lags forecast where serious events rise next): early warnings in the last two periods, and what
    happened upstream on known corridors (level last period and its rise) — near-repeat spillover."""
    cols, names = [], []
    if signals is not None:
        cols.append(np.log1p(signals[:, -1]))
        cols.append(np.log1p(signals[:, -2] if signals.shape[1] > 1 else np.zeros(len(signals))))
        names += ["log early warnings last period", "log early warnings the period before"]
    if upstream is not None and upstream.any():
        up = upstream @ counts
        last, before = np.log1p(up[:, -1]), np.log1p(up[:, -2] if up.shape[1] > 1 else up[:, -1])
        cols += [last, np.maximum(last - before, 0.0)]
        names += ["log upstream last period", "upstream rise (log)"]
    return cols, names


def features(
    counts: np.ndarray,
    season: int | None,
    signals: np.ndarray | None = None,
    upstream: np.ndarray | None = None,
) -> tuple[np.ndarray, list[str]]:
    """Inputs for predicting the period after the last column of `counts` (one row per place)."""
    log = np.log1p(counts)
    s = counts.shape[1]
    w = min(TREND_WINDOW, s)
    if w >= 2:
        x = np.arange(w) - (w - 1) / 2
        trend = (log[:, -w:] * x).sum(axis=1) / (x**2).sum()
    else:
        trend = np.zeros(counts.shape[0])
    cols = [
        log[:, -1],
        np.log1p(counts[:, -RECENT_WINDOW:].mean(axis=1)),
        np.log1p(counts.mean(axis=1)),
        trend,
    ]
    names = ["log last period", "log recent mean", "log long-run mean", "trend (log slope)"]
    if season:
        cols.append(seasonal_excess(counts, season))
        names.append(SEASONAL)
    lead_cols, lead_names = leading(counts, signals, upstream)
    return np.column_stack(cols + lead_cols), names + lead_names


SEASONAL = "seasonal excess (same period, earlier years)"


def seasonal_excess(counts: np.ndarray, season: int) -> np.ndarray:
    """For the period after the last column: how far the same period of each earlier year stood above
    the average of the year around it (log scale), averaged over the earlier years — the classical
    seasonal index. Only years whose centred window is fully known count; none gives 0."""
    log = np.log1p(counts)
    target, half = counts.shape[1], season // 2
    excess = []
    for lag in range(target - season, half - 1, -season):
        window = counts[:, lag - half : lag + half + 1].mean(axis=1)
        excess.append(log[:, lag] - np.log1p(window))
    return np.mean(excess, axis=0) if excess else np.zeros(counts.shape[0])


def first_origin(season: int | None) -> int:
    """Earliest origin index whose features are fully defined."""
    return season + season // 2 - 1 if season else 1


@dataclass
class PoissonGLM:
    """Pooled Poisson regression on each place's own history (trend, recency, seasonality) and, where
    the data has them, leading indicators. `leading=False` / `seasonal=False` are the variants the
    backtest also weighs (`candidates`)."""

    # ridge penalty: 1e-3 let a sparse panel (Harris County releases by month: 2 places with three or
    # more documents) extrapolate 30x past any count it had seen (a forecast of 328 where the place's
    # most was 10); 1e-2 does not, and leaves the scenarios' and Orange County's scores as they were
    # (docs/design/forecasting.md, "Sparse archives"; tests/unit/test_forecast_models.py guards it)
    l2: float = 1e-2
    name: str = "Poisson GLM (trend + seasonality)"
    leading: bool = True
    seasonal: bool = True
    coef_: dict[str, float] = field(default_factory=dict)
    dispersion_: Dispersion | None = None  # the variance model of the last fit

    def forecast(self, panel: Panel) -> CountForecast:
        counts = panel.counts
        season = panel.season if self.seasonal else None
        t = counts.shape[1] - 1
        start = min(first_origin(season), max(t - 1, 0))
        xs, ys, zs = [], [], []
        sig, up = (panel.signals, panel.upstream) if self.leading else (None, None)
        if sig is not None and sig.sum() < MIN_WARNINGS:  # decided once per fit: same columns in every row
            sig = None
        for s in range(start, t):
            xs.append(features(counts[:, : s + 1], season, None if sig is None else sig[:, : s + 1], up)[0])
            ys.append(counts[:, s + 1])
            zs.append(jump(counts[:, : s + 1]))
        x_now, names = features(counts, season, sig, up)
        if not xs:
            return LongRunMean().forecast(panel)
        x, y = np.vstack(xs), np.concatenate(ys)
        reg = PoissonRegressor(alpha=self.l2, solver="newton-cholesky", max_iter=200)
        # one thread: the problem is ~1000 rows x 6 columns, and OpenMP threads on a busy machine
        # made each fit ~10x slower (docs/design/forecasting.md)
        with warnings.catch_warnings(), one_thread():
            warnings.simplefilter("ignore")
            reg.fit(x, y)
        self.coef_ = {"intercept": float(reg.intercept_)} | dict(
            zip(names, map(float, reg.coef_), strict=True)
        )
        self.dispersion_ = fit_dispersion(y, reg.predict(x), np.concatenate(zs))
        return CountForecast(np.maximum(reg.predict(x_now), FLOOR), self.dispersion_(jump(counts)))


def has_leading(panel: Panel) -> bool:
    """Whether the panel carries leading indicators the GLM would use (enough warnings or a corridor)."""
    warned = panel.signals is not None and panel.signals.sum() >= MIN_WARNINGS
    return warned or (panel.upstream is not None and bool(panel.upstream.any()))


def candidates(panel: Panel) -> list[Model]:
    """The models a backtest chooses among on this panel: the GLM, its variants that differ here
    (without the leading indicators; without the seasonal term) and the two naive baselines."""
    out: list[Model] = [PoissonGLM()]
    if has_leading(panel):
        out.append(PoissonGLM(name="Poisson GLM, own history only", leading=False))
    if panel.season:
        out.append(PoissonGLM(name="Poisson GLM, no seasonal term", seasonal=False))
    return [*out, LastPeriod(), LongRunMean()]


def ranking_score(model: Model, panel: Panel, forecast: CountForecast) -> np.ndarray:
    """Score to rank places by: the forecast mean, baselines' ties broken by their documented rule."""
    if isinstance(model, _Point):
        return forecast.mean + 1e-6 * model.tiebreak(panel.counts)
    return forecast.mean
