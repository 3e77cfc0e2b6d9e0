"""Probability words (UK PHIA yardstick) and the calibration table that shows whether they hold.

A judgement's word comes from its probability. The model's raw probabilities can be recalibrated
with an isotonic map fitted on backtest judgements; the table is then measured on judgements the
map was not fitted on (two folds by period: fit on one, score the other, and the other way round).
A report uses the map only where it scores better than the raw probabilities out of sample
(`choose_calibrator`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.isotonic import IsotonicRegression

from graph.forecast.backtest import Judgement

# (word, lower, upper) — the published bands; probabilities in the gaps go to the nearer band.
YARDSTICK: tuple[tuple[str, float, float], ...] = (
    ("remote chance", 0.0, 0.05),
    ("highly unlikely", 0.10, 0.20),
    ("unlikely", 0.25, 0.35),
    ("a realistic possibility", 0.40, 0.50),
    ("likely", 0.55, 0.75),
    ("highly likely", 0.80, 0.90),
    ("almost certain", 0.95, 1.0),
)


def word_for(p: float) -> str:
    """The PHIA word for probability `p`; a gap between bands is split at its midpoint."""
    for (word, _, hi), (_, next_lo, _) in itertools.pairwise(YARDSTICK):
        if p < (hi + next_lo) / 2:
            return word
    return YARDSTICK[-1][0]


def band(word: str) -> tuple[float, float]:
    return next((lo, hi) for w, lo, hi in YARDSTICK if w == word)


@dataclass(frozen=True)
class Calibrator:
    """Isotonic map from a model probability to the frequency seen in backtests (None: identity)."""

    fitted: IsotonicRegression | None = None

    def __call__(self, p: np.ndarray | Sequence[float] | float) -> np.ndarray:
        arr = np.atleast_1d(np.asarray(p, dtype=float))
        return arr if self.fitted is None else np.asarray(self.fitted.predict(arr))


MIN_JUDGEMENTS = 200  # below this an isotonic map jumps to 0 or 1 on a handful of outcomes


def fit_calibrator(calls: Sequence[Judgement]) -> Calibrator:
    """Isotonic recalibration from backtest judgements; the identity when there are too few."""
    if len(calls) < MIN_JUDGEMENTS:
        return Calibrator()
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    iso.fit([c.probability for c in calls], [float(c.came_true) for c in calls])
    return Calibrator(iso)


def cross_fitted(calls: Sequence[Judgement]) -> list[tuple[float, bool]]:
    """(recalibrated probability, came true) for every judgement, each from the fold it was not in."""
    periods = sorted({c.period for c in calls})
    fold = {p: i % 2 for i, p in enumerate(periods)}
    out: list[tuple[float, bool]] = []
    for f in (0, 1):
        train = [c for c in calls if fold[c.period] != f]
        test = [c for c in calls if fold[c.period] == f]
        cal = fit_calibrator(train)
        if test:
            probs = cal([c.probability for c in test])
            out += [(float(p), c.came_true) for p, c in zip(probs, test, strict=True)]
    return out


def choose_calibrator(calls: Sequence[Judgement]) -> tuple[Calibrator, list[tuple[float, bool]]]:
    """The probabilities a report's words come from: the isotonic map fitted on all `calls` where its
    cross-fitted Brier score beats the raw probabilities', else the raw ones (a map fitted on a few
    hundred judgements can add more noise than it removes). Returned with the (probability, came
    true) pairs that show how those words held: cross-fitted for the map, raw otherwise."""
    raw = [(c.probability, c.came_true) for c in calls]
    fitted = fit_calibrator(calls)
    if fitted.fitted is None:
        return fitted, raw
    recal = cross_fitted(calls)
    return (fitted, recal) if brier(recal) < brier(raw) else (Calibrator(), raw)


@dataclass(frozen=True)
class Row:
    word: str
    band: tuple[float, float]
    judgements: int
    came_true: float | None  # fraction; None when no judgement used the word

    def as_dict(self) -> dict[str, object]:
        return {"word": self.word, "band": f"{self.band[0]:.0%}–{self.band[1]:.0%}",
                "judgements": self.judgements,
                "came_true": None if self.came_true is None else round(self.came_true, 3)}  # fmt: skip


def table(pairs: Sequence[tuple[float, bool]]) -> list[Row]:
    """Per PHIA word: how many judgements used it and the fraction that came true."""
    rows = []
    for word, lo, hi in YARDSTICK:
        hits = [ok for p, ok in pairs if word_for(p) == word]
        rows.append(Row(word, (lo, hi), len(hits), float(np.mean(hits)) if hits else None))
    return rows


def brier(pairs: Sequence[tuple[float, bool]]) -> float:
    return float(np.mean([(p - ok) ** 2 for p, ok in pairs])) if pairs else float("nan")
