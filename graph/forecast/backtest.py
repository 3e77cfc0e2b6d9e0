"""Rolling-origin backtest: train on periods <= t, predict t+1, score, move t on by one.

Scores per model: precision@k of the predicted top-k places against the places that were top-k
at t+1 (ties at the k-th count all count as hotspots), mean Poisson deviance of the point forecast,
and the mean log score of the predictive distribution. The chosen model's probabilities for two
events per candidate place (hotspot next period; more documents than this period) are kept as
`Judgement`s for calibration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import mean_poisson_deviance

from graph.forecast.distribution import FLOOR, CountForecast, moment_alpha
from graph.forecast.models import LastPeriod, LongRunMean, Model, PoissonGLM, ranking_score
from graph.forecast.panel import Panel


@dataclass(frozen=True)
class Judgement:
    """A probability the model gave for an event and whether the event happened."""

    kind: str  # "hotspot" | "increase"
    place: str
    period: str
    probability: float
    came_true: bool


@dataclass
class ModelScore:
    name: str
    precision: list[float] = field(default_factory=list)
    precision_truth: list[float] = field(default_factory=list)
    deviance: list[float] = field(default_factory=list)
    log_score: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float | str | int]:
        out: dict[str, float | str | int] = {
            "model": self.name,
            "origins": len(self.precision),
            "precision_at_k": round(float(np.mean(self.precision)), 3),
            "poisson_deviance": round(float(np.mean(self.deviance)), 3),
            "log_score": round(float(np.mean(self.log_score)), 3),
        }
        if self.precision_truth:
            out["precision_at_k_truth"] = round(float(np.mean(self.precision_truth)), 3)
        return out


def top_k(score: np.ndarray, k: int) -> set[int]:
    return set(np.argsort(-score, kind="stable")[:k].tolist())


def hotspots(counts: np.ndarray, k: int) -> set[int]:
    """Places whose count reaches the k-th largest (and is > 0): ties at the edge all count."""
    kth = np.sort(counts)[::-1][min(k, len(counts)) - 1]
    return set(np.flatnonzero(counts >= max(kth, 1)).tolist())


def precision_at_k(score: np.ndarray, actual: set[int], k: int) -> float:
    return len(top_k(score, k) & actual) / k


CHOSEN = "Lantern forecast (model chosen by backtest)"


def select(scores: Sequence[ModelScore]) -> int:
    """Index of the model with the best (lowest) mean log score so far; the first model before any."""
    if not scores or not scores[0].log_score:
        return 0
    return int(np.argmin([np.mean(s.log_score) for s in scores]))


def default_models() -> list[Model]:
    return [PoissonGLM(), LastPeriod(), LongRunMean()]


def judgements(panel: Panel, t: int, fc: CountForecast, k: int) -> list[Judgement]:
    """Probabilities for 'hotspot at t+1' and 'more documents at t+1 than at t' on candidate places."""
    now, nxt = panel.counts[:, t], panel.counts[:, t + 1]
    threshold = max(np.sort(now)[::-1][min(k, len(now)) - 1], 1)
    kth_next = max(np.sort(nxt)[::-1][min(k, len(nxt)) - 1], 1)
    candidates = sorted(top_k(fc.mean, 2 * k) | hotspots(now, k))
    p_hot = fc.prob_at_least(threshold)
    p_up = fc.prob_at_least(now + 1)
    period = panel.periods[t + 1]
    out = []
    for i in candidates:
        place = panel.places[i]
        out.append(Judgement("hotspot", place, period, float(p_hot[i]), bool(nxt[i] >= kth_next)))
        out.append(Judgement("increase", place, period, float(p_up[i]), bool(nxt[i] > now[i])))
    return out


def backtest(
    panel: Panel,
    k: int = 10,
    first: int | None = None,
    models: Sequence[Model] | None = None,
    truth: np.ndarray | None = None,
) -> tuple[list[ModelScore], list[Judgement]]:
    """Score each model at every origin t from `first` to the second-last period (target periods
    without any document are skipped: there is no ranking to score).

    The first row returned is the forecast Lantern uses: at each origin, the model with the best
    log score over the earlier origins (the GLM until there is a history). `truth` (generated
    scenarios only) is the planted intensity per place x period: precision is
    then also measured against the true top-k, free of the noise in the realised counts.
    """
    models = list(models) if models is not None else default_models()
    n_periods = panel.counts.shape[1]
    first = first if first is not None else max(n_periods // 2, 2)
    scores = [ModelScore(m.name) for m in models]
    oracle = ModelScore("oracle (planted intensity)")
    chosen = ModelScore(CHOSEN)
    calls: list[Judgement] = []
    for t in range(first, n_periods - 1):
        known = panel.upto(t)
        y = panel.counts[:, t + 1]
        actual = hotspots(y, k)
        if not actual:  # no documents in the target period: nothing to rank, nothing to score
            continue
        pick = select(scores)  # chosen on the origins before t only
        for i, (model, score) in enumerate(zip(models, scores, strict=True)):
            fc = model.forecast(known)
            rank = ranking_score(model, known, fc)
            for row in (score, chosen) if i == pick else (score,):
                row.precision.append(precision_at_k(rank, actual, k))
                if truth is not None:
                    row.precision_truth.append(precision_at_k(rank, top_k(truth[:, t + 1], k), k))
                row.deviance.append(float(mean_poisson_deviance(y, np.maximum(fc.mean, FLOOR))))
                row.log_score.append(fc.log_score(y))
            if i == pick:
                calls.extend(judgements(panel, t, fc, k))
        if truth is not None:
            oracle.precision.append(precision_at_k(truth[:, t + 1], actual, k))
            oracle.precision_truth.append(1.0)
            oracle.deviance.append(float(mean_poisson_deviance(y, np.maximum(truth[:, t + 1], FLOOR))))
            oracle.log_score.append(
                CountForecast(truth[:, t + 1], moment_alpha(y, truth[:, t + 1])).log_score(y)
            )
    return [chosen, *scores] + ([oracle] if truth is not None else []), calls
