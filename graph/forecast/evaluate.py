"""Backtest runs behind `lantern forecast backtest`: generated scenarios or an extracted archive.

Returns plain dicts (model scores averaged over origins and scenarios, gains over each baseline,
the calibration table raw and recalibrated) so the CLI, docs and reports print the same figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from graph.forecast.backtest import (
    CHOSEN,
    Judgement,
    ModelScore,
    backtest,
    hotspots,
    mean_weights,
    precision_at_k,
)
from graph.forecast.calibration import brier, cross_fitted, table
from graph.forecast.corridors import corridor_events, dated, movement_facts
from graph.forecast.models import LastPeriod, LongRunMean, PoissonGLM
from graph.forecast.panel import Panel, build_panel, signal_matrix
from graph.forecast.sources import events_from_file

METRICS = ("precision_at_k", "precision_at_k_truth", "poisson_deviance", "log_score")


def _average(runs: Sequence[Sequence[ModelScore]]) -> list[dict[str, object]]:
    out = []
    for i, first in enumerate(runs[0]):
        rows = [run[i].summary() for run in runs]
        avg: dict[str, object] = {"model": first.name, "origins": sum(int(r["origins"]) for r in rows)}
        for m in METRICS:
            if m in rows[0]:
                avg[m] = round(float(np.mean([float(r[m]) for r in rows])), 3)
        picked = Counter(name for run in runs for name in run[i].picked)
        if picked:
            avg["picked"] = dict(picked.most_common())
        weights = [w for run in runs for w in run[i].weights]
        if weights:
            avg["weights"] = {name: round(w, 3) for name, w in mean_weights(weights).items()}
        out.append(avg)
    return out


def _gains(models: list[dict[str, object]]) -> dict[str, float]:
    """Precision@k of the published forecast minus each baseline's, minus the full GLM's (what
    pooling or choosing gains or costs against always publishing the GLM) and minus the best
    candidate in hindsight."""
    p = {str(m["model"]): float(m["precision_at_k"]) for m in models}  # type: ignore[arg-type]
    out = {f"vs {b}": round(p[CHOSEN] - p[b], 3) for b in (LastPeriod.name, LongRunMean.name)}
    out[f"vs {PoissonGLM.name}"] = round(p[CHOSEN] - p[PoissonGLM.name], 3)
    best = max((m for m in p if m != CHOSEN and not m.startswith("oracle")), key=lambda m: p[m])
    out[f"vs the best candidate in hindsight ({best})"] = round(p[CHOSEN] - p[best], 3)
    return out


def _calibration(calls: Sequence[Judgement]) -> dict[str, object]:
    raw = [(c.probability, c.came_true) for c in calls]
    recal = cross_fitted(calls)
    return {
        "judgements": len(calls),
        "brier_raw": round(brier(raw), 4),
        "brier_recalibrated": round(brier(recal), 4),
        "raw": [r.as_dict() for r in table(raw)],
        "recalibrated": [r.as_dict() for r in table(recal)],
    }


def _result(
    label: str, k: int, places: int, runs: list[list[ModelScore]], calls: list[Judgement]
) -> dict[str, object]:
    if not any(run[0].precision for run in runs):
        raise ValueError(
            f"{label}: too few periods with documents to score any forecast (a backtest trains on the "
            "periods up to t and scores t+1); give a longer history or a finer --granularity"
        )
    models = _average(runs)
    return {"data": label, "k": k, "places": places, "models": models, "gains": _gains(models),
            "calibration": _calibration(calls)}  # fmt: skip


def _span(panel: Panel) -> str:
    return f"{panel.periods[0]}–{panel.periods[-1]}"


def run_scenarios(
    scenarios: Sequence[tuple[Panel, np.ndarray]],
    label: str,
    k: int = 10,
    first: int = 24,
    criterion: str = "pool",
) -> dict[str, object]:
    """Backtest on generated scenarios: (monthly panel, planted intensity) pairs, origins from `first`."""
    runs, calls = [], []
    for panel, truth in scenarios:
        scores, judged = backtest(panel, k=k, first=first, truth=truth, criterion=criterion)
        runs.append(scores)
        calls += judged
    return _result(label, k, len(scenarios[0][0].places), runs, calls)


def run_extracted(
    path: Path, granularity: str = "year", k: int = 10, min_total: int = 1, criterion: str = "pool"
) -> dict[str, object]:
    """Backtest on `lantern extract` output: places (City/Location) by publication period."""
    panel = build_panel(events_from_file(path), granularity)
    warnings = signal_matrix(panel, events_from_file(path, warnings_only=True), granularity)
    panel = panel.with_leading(warnings, None)  # no corridor is known in advance for an archive
    # places with `min_total` documents by each origin: as known then, not as the whole archive knows
    scores, calls = backtest(panel, k=k, first=3, criterion=criterion, min_total=min_total)
    places = int((panel.counts.sum(axis=1) >= min_total).sum())
    return _result(f"{path.name} by {granularity} ({_span(panel)})", k, places, [scores], calls)


def run_routes(
    path: Path, granularity: str = "month", k: int = 3, first: int | None = None, criterion: str = "pool"
) -> dict[str, object]:
    """Backtest on corridors instead of places: documents recording each corridor (origin → transit →
    destination, from the movement relations of `lantern extract` output) per period, the panel a
    report's route outlook is forecast from (`graph.forecast.corridors.corridor_events`)."""
    import json

    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    events = corridor_events(movement_facts(rows), dated(rows), granularity)
    if not events:
        raise ValueError(
            f"{path.name} records no corridor (no document gives two places for one person); --routes "
            "needs movement relations (recruited in, moved from, via, to, exploited at)"
        )
    panel = build_panel(events, granularity)
    scores, calls = backtest(panel, k=k, first=first, criterion=criterion)
    label = f"corridors in {path.name} by {granularity} ({_span(panel)})"
    return _result(label, k, len(panel.places), [scores], calls)


def ceiling(scenarios: Sequence[tuple[Panel, np.ndarray]], k: int = 10, first: int = 24) -> dict[str, float]:
    """Precision@k of the oracle (ranks by the planted intensity) and of the two naive baselines on
    generated scenarios, origins from `first` — no model is fitted. The oracle's margin over the
    better baseline is the most any model could gain through the noise of the realised counts."""
    oracle = "oracle (planted intensity)"
    out: dict[str, list[float]] = {oracle: [], LastPeriod.name: [], LongRunMean.name: []}
    for panel, truth in scenarios:
        for t in range(first, panel.counts.shape[1] - 1):
            actual = hotspots(panel.counts[:, t + 1], k)
            if not actual:
                continue
            known = panel.counts[:, : t + 1]
            out[oracle].append(precision_at_k(truth[:, t + 1], actual, k))
            for rule in (LastPeriod, LongRunMean):
                rank = rule.mean(known) + 1e-6 * rule.tiebreak(known)  # as `models.ranking_score`
                out[rule.name].append(precision_at_k(rank, actual, k))
    means = {name: round(float(np.mean(v)), 3) for name, v in out.items()}
    best = max(means[LastPeriod.name], means[LongRunMean.name])
    return means | {"oracle over the better baseline": round(means[oracle] - best, 3)}
