"""Rolling-origin backtest: train on periods <= t, predict t+1, score, move t on by one.

Scores per model: precision@k of the predicted top-k places against the places that were top-k
at t+1 (ties at the k-th count all count as hotspots), mean Poisson deviance of the point forecast,
and the mean log score of the predictive distribution. The chosen model's probabilities for two
events per candidate place (hotspot next period; more documents than this period) are kept as
`Judgement`s for calibration.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import mean_poisson_deviance

from graph.forecast.distribution import (
    FLOOR,
    CountForecast,
    Forecast,
    PooledForecast,
    moment_alpha,
    pool_weights,
)
from graph.forecast.models import Model, candidates, first_origin, ranking_score
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
    picked: list[str] = field(default_factory=list)  # the published row: its main candidate, per origin
    pmf: list[np.ndarray] = field(default_factory=list)  # per origin: probability of each place's count
    weights: list[dict[str, float]] = field(default_factory=list)  # the pooled row: weights, per origin

    def summary(self) -> dict[str, float | str | int]:
        """Scores averaged over the origins; without any scored origin, only the name and 0 (never NaN)."""
        out: dict[str, float | str | int] = {"model": self.name, "origins": len(self.precision)}
        if not self.precision:
            return out
        out |= {
            "precision_at_k": round(float(np.mean(self.precision)), 3),
            "poisson_deviance": round(float(np.mean(self.deviance)), 3),
            "log_score": round(float(np.mean(self.log_score)), 3),
        }
        if self.precision_truth:
            out["precision_at_k_truth"] = round(float(np.mean(self.precision_truth)), 3)
        if self.picked:
            out["picked"] = ", ".join(f"{name} {n}" for name, n in Counter(self.picked).most_common())
        if self.weights:
            out["weights"] = ", ".join(f"{name} {w:.2f}" for name, w in mean_weights(self.weights).items())
        return out


def mean_weights(per_origin: Sequence[dict[str, float]]) -> dict[str, float]:
    """Each candidate's pool weight averaged over origins, heaviest first."""
    names = {name for w in per_origin for name in w}
    avg = {name: float(np.mean([w.get(name, 0.0) for w in per_origin])) for name in names}
    return dict(sorted(avg.items(), key=lambda kv: -kv[1]))


def top_k(score: np.ndarray, k: int) -> set[int]:
    return set(np.argsort(-score, kind="stable")[:k].tolist())


def hotspots(counts: np.ndarray, k: int) -> set[int]:
    """Places whose count reaches the k-th largest (and is > 0): ties at the edge all count."""
    kth = np.sort(counts)[::-1][min(k, len(counts)) - 1]
    return set(np.flatnonzero(counts >= max(kth, 1)).tolist())


def precision_at_k(score: np.ndarray, actual: set[int], k: int) -> float:
    return len(top_k(score, k) & actual) / k


CHOSEN = "Lantern forecast (published)"
CRITERIA = ("pool", "log-score", "precision")


def select(scores: Sequence[ModelScore], criterion: str = "log-score") -> int:
    """Index of the model that did best on the origins scored so far; the first model before any.

    `log-score` (the default): lowest mean log score — a proper score of the whole predictive
    distribution, which the judgements' probabilities come from; `precision`: highest mean
    precision@k, ties to the lower mean log score. Measured both ways in docs/design/forecasting.md:
    choosing by precision@k ranked no better anywhere and let a baseline with a poor distribution
    (the long-run average) write 'remote chance' judgements that came true 31 % of the time."""
    if criterion not in CRITERIA[1:]:
        raise ValueError(f"criterion must be one of {', '.join(CRITERIA[1:])}, not {criterion!r}")
    if not scores or not scores[0].log_score:
        return 0
    log = [float(np.mean(s.log_score)) for s in scores]
    if criterion == "log-score":
        return int(np.argmin(log))
    prec = [float(np.mean(s.precision)) for s in scores]
    return min(range(len(scores)), key=lambda i: (-round(prec[i], 9), log[i], i))


def pool(scores: Sequence[ModelScore], parts: Sequence[CountForecast]) -> PooledForecast:
    """The linear pool of the candidates' forecasts `parts`, weighted to maximise the log score the
    pool would have had on the origins in `scores` (one row per candidate; equal weights before any)."""
    past = [np.concatenate(s.pmf) for s in scores] if scores[0].pmf else []
    density = np.column_stack(past) if past else np.zeros((0, len(parts)))
    return PooledForecast(tuple(parts), pool_weights(density))


def judgements(
    known: Panel, nxt: np.ndarray, period: str, fc: Forecast, k: int, actual: set[int]
) -> list[Judgement]:
    """Probabilities for 'hotspot next period' (one of the k places with most documents, ties
    included: `actual`, indices into `known`) and 'more documents next period than in the last' on
    candidate places of `known` (the panel at the origin); `nxt` are their counts next period."""
    now = known.counts[:, -1]
    candidates = sorted(top_k(fc.mean, 2 * k) | hotspots(now, k))
    p_hot = fc.prob_hotspot(k)
    p_up = fc.prob_at_least(now + 1)
    out = []
    for i in candidates:
        place = known.places[i]
        out.append(Judgement("hotspot", place, period, float(p_hot[i]), i in actual))
        out.append(Judgement("increase", place, period, float(p_up[i]), bool(nxt[i] > now[i])))
    return out


def _record(row: ModelScore, rank: np.ndarray, fc: Forecast, y: np.ndarray, actual: set[int],
            planted: set[int] | None, k: int) -> None:  # fmt: skip
    row.pmf.append(fc.pmf(y))
    row.precision.append(precision_at_k(rank, actual, k))
    if planted is not None:
        row.precision_truth.append(precision_at_k(rank, planted, k))
    row.deviance.append(float(mean_poisson_deviance(y, np.maximum(fc.mean, FLOOR))))
    row.log_score.append(fc.log_score(y))


def backtest(
    panel: Panel,
    k: int = 10,
    first: int | None = None,
    models: Sequence[Model] | None = None,
    truth: np.ndarray | None = None,
    criterion: str = "pool",
    warmup: int | None = None,
    min_total: int = 1,
) -> tuple[list[ModelScore], list[Judgement]]:
    """Score each model at every origin t from `first` to the second-last period (target periods
    without any document are skipped: there is no ranking to score).

    The first row returned is the forecast Lantern publishes. At each origin t it is, by `criterion`,
    the linear pool of the candidates weighted by their log score on the origins before t (`pool`,
    the default), or the one candidate that did best on them (`select`: `log-score`, `precision`) —
    nested either way, so the period being scored never takes part in weighing or choosing. The
    candidates are also scored on the warm-up origins from `warmup` (default: the earliest origin
    the models' inputs allow) up to `first`, unreported, so the weights or the choice have a history
    from the first reported origin on. `truth` (generated scenarios only) is the planted
    intensity per place x period: precision is then also measured against the true top-k, free of the
    noise in the realised counts. The published row's `picked` says which candidate it used (a
    pool: its heaviest), per origin, and `weights` a pool's weights.

    At each origin the models see only the places a forecaster would have had then: those with at
    least `min_total` documents up to t (`Panel.known_at`). A place first named later is in no
    forecast before it appears (keeping it, with its zeros, would tell the models and the judgements
    that it is about to appear); when it then enters the top k it is a miss for every model alike.
    """
    models = list(models) if models is not None else candidates(panel)
    n_periods = panel.counts.shape[1]
    first = first if first is not None else max(n_periods // 2, 2)
    warmup = min(first, warmup if warmup is not None else first_origin(panel.season))
    scores = [ModelScore(m.name) for m in models]
    history = [ModelScore(m.name) for m in models]  # all scored origins, warm-up included: what select sees
    oracle = ModelScore("oracle (planted intensity)")
    chosen = ModelScore(CHOSEN)
    calls: list[Judgement] = []
    for t in range(warmup, n_periods - 1):
        keep, known = panel.known_at(t, min_total)
        everywhere = hotspots(panel.counts[:, t + 1], k)
        if not everywhere or not len(keep):  # no documents in the target period (or none known before)
            continue
        y = panel.counts[keep, t + 1]
        local = {int(i): j for j, i in enumerate(keep)}
        actual = {local[i] for i in everywhere if i in local}  # the top k at t+1, among known places
        reported = t >= first
        planted = {local[i] for i in top_k(truth[:, t + 1], k) if i in local} if truth is not None else None
        fcs = [model.forecast(known) for model in models]
        ranks = [ranking_score(model, known, fc) for model, fc in zip(models, fcs, strict=True)]
        published: Forecast
        if criterion == "pool":  # weighted on the origins before t only
            published = pool(history, fcs)
            rank = published.mean
            used = {m.name: float(w) for m, w in zip(models, published.weights, strict=True)}
        else:
            pick = select(history, criterion)  # chosen on the origins before t only
            published, rank, used = fcs[pick], ranks[pick], {models[pick].name: 1.0}
        for i in range(len(models)):
            for row in [history[i]] + ([scores[i]] if reported else []):
                _record(row, ranks[i], fcs[i], y, actual, planted, k)
        if reported:
            _record(chosen, rank, published, y, actual, planted, k)
            chosen.picked.append(max(used, key=lambda name: used[name]))
            if criterion == "pool":
                chosen.weights.append(used)
            calls.extend(judgements(known, y, panel.periods[t + 1], published, k, actual))
        if truth is not None and reported:
            planted_mu = truth[keep, t + 1]
            oracle.precision.append(precision_at_k(planted_mu, actual, k))
            oracle.precision_truth.append(1.0)
            oracle.deviance.append(float(mean_poisson_deviance(y, np.maximum(planted_mu, FLOOR))))
            oracle.log_score.append(CountForecast(planted_mu, moment_alpha(y, planted_mu)).log_score(y))
    return [chosen, *scores] + ([oracle] if truth is not None else []), calls
