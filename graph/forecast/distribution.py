"""The predictive distribution every model returns: negative binomial per place (Poisson when alpha=0).

`var = mean + alpha * mean**2`; alpha is estimated by the method of moments from a model's own
one-step errors, so a noisy model is also an honestly wide one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

FLOOR = 0.1  # smallest predicted mean: a place never seen still has a small chance
DRAWS = 4000  # joint draws behind a hotspot probability (standard error <= 0.008)


def moment_alpha(y: np.ndarray, mu: np.ndarray) -> float:
    """NB2 dispersion from observed `y` and predicted `mu` (0 when the errors look Poisson)."""
    mu = np.maximum(mu, FLOOR)
    if y.size == 0:
        return 0.0
    alpha = float(np.sum((y - mu) ** 2 - y) / np.sum(mu**2))
    return min(max(alpha, 0.0), 10.0)


@dataclass(frozen=True)
class CountForecast:
    """Predicted counts for one period: `mean[i]` for place i, shared dispersion `alpha`."""

    mean: np.ndarray
    alpha: float

    def _dist(self) -> Any:
        mu = np.maximum(self.mean, FLOOR)
        if self.alpha <= 1e-9:
            return stats.poisson(mu)
        n = 1.0 / self.alpha
        return stats.nbinom(n, n / (n + mu))

    def interval(self, level: float = 0.8) -> tuple[np.ndarray, np.ndarray]:
        """Central prediction interval (lower, upper) for each place."""
        d = self._dist()
        tail = (1.0 - level) / 2.0
        return d.ppf(tail), d.ppf(1.0 - tail)

    def prob_at_least(self, q: np.ndarray | float) -> np.ndarray:
        """P(count >= q) per place."""
        return np.asarray(self._dist().sf(np.asarray(q) - 1))

    def prob_hotspot(self, k: int, draws: int = DRAWS, seed: int = 0) -> np.ndarray:
        """P(place i is a hotspot: its count reaches the k-th largest of all places and is > 0), from
        joint draws of every place's count (places independent; the same seed gives the same answer).

        This is the event a hotspot judgement states and the backtest scores; the chance of reaching
        *this* period's k-th count is not it, because the k-th count itself moves."""
        n = len(self.mean)
        if n == 0:
            return np.zeros(0)
        sample = self._dist().rvs(size=(draws, n), random_state=np.random.default_rng(seed))
        kth = np.sort(sample, axis=1)[:, -min(k, n)]
        return np.asarray((sample >= np.maximum(kth, 1)[:, None]).mean(axis=0))

    def log_score(self, y: np.ndarray) -> float:
        """Mean negative log predictive probability of the observed counts (lower is better)."""
        return float(-np.mean(self._dist().logpmf(y)))
