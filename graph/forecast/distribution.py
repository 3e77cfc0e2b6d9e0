"""The predictive distribution every model returns: negative binomial per place (Poisson when alpha=0).

`var = mean + alpha * mean**2`. The dispersion alpha is a second, small model (`Dispersion`):
`alpha = exp(a + b * jump)`, where `jump` is how much the place's count changed over its last period
(|log(1 + c_t) - log(1 + c_(t-1))|). It is fitted by maximum likelihood on the model's own earlier
one-step errors (targets up to the origin only), so a noisy model is also an honestly wide one, and a
place that has just jumped gets the spread that such places showed before (wider when jumps were
followed by large errors, narrower when they reverted as forecast). `b = 0` is one alpha for all.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import optimize, special, stats
from threadpoolctl import ThreadpoolController

FLOOR = 0.1  # smallest predicted mean: a place never seen still has a small chance
DRAWS = 4000  # joint draws behind a hotspot probability (standard error <= 0.008)
ALPHA_RANGE = (1e-4, 100.0)  # smallest (practically Poisson) and largest dispersion a fit may give


@functools.cache
def _threads() -> ThreadpoolController:
    """The loaded BLAS/OpenMP libraries, scanned once (a scan at every fit cost ~5 ms). The first fit
    runs after `graph.forecast.models` has imported scikit-learn, so its OpenMP is among them."""
    return ThreadpoolController()


def one_thread() -> Any:
    """Context: BLAS/OpenMP limited to one thread. The fits here are small (~1 000 rows, 2-6
    parameters); on the shared, loaded machine threads made them several times slower
    (docs/design/forecasting.md, "Speed")."""
    return _threads().limit(limits=1)


def moment_alpha(y: np.ndarray, mu: np.ndarray) -> float:
    """NB2 dispersion from observed `y` and predicted `mu` (0 when the errors look Poisson)."""
    mu = np.maximum(mu, FLOOR)
    if y.size == 0:
        return 0.0
    alpha = float(np.sum((y - mu) ** 2 - y) / np.sum(mu**2))
    return min(max(alpha, 0.0), 10.0)


def jump(counts: np.ndarray) -> np.ndarray:
    """|log change| of each place's count over the last period (0 with a single period)."""
    if counts.shape[1] < 2:
        return np.zeros(counts.shape[0])
    return np.abs(np.log1p(counts[:, -1]) - np.log1p(counts[:, -2]))


@dataclass(frozen=True)
class Dispersion:
    """`alpha = exp(a + b * jump)`: exp(b) is the factor by which the dispersion grows per unit of
    |log change| last period (a doubling is 0.69)."""

    a: float
    b: float = 0.0

    def __call__(self, z: np.ndarray) -> np.ndarray:
        return np.clip(np.exp(self.a + self.b * np.asarray(z, dtype=float)), *ALPHA_RANGE)

    @classmethod
    def poisson(cls) -> Dispersion:
        """No errors to learn from yet: (practically) Poisson."""
        return cls(float(np.log(ALPHA_RANGE[0])))

    @property
    def alpha(self) -> float:
        """The dispersion of a place that did not change."""
        return float(self(np.zeros(1))[0])


def fit_dispersion(y: np.ndarray, mu: np.ndarray, z: np.ndarray) -> Dispersion:
    """Maximum-likelihood (a, b) of the negative binomial with the means fixed at `mu`: one-step
    targets `y`, the model's predictions `mu` for them, and each row's last change `z` (`jump`)
    at the origin it was predicted from.

    Fitted as the log dispersion at no change and at the largest change seen, both inside
    `ALPHA_RANGE`, so the dispersion stays in range on every row without clipping (a clipped
    likelihood is flat and stops the optimiser)."""
    mu = np.maximum(np.asarray(mu, dtype=float), FLOOR)
    if y.size == 0:
        return Dispersion.poisson()
    lo, hi = np.log(ALPHA_RANGE)
    top = float(z.max())
    share = z / top if top > 0 else np.zeros_like(z)  # 0 at no change, 1 at the largest
    ln_y1 = special.gammaln(y + 1)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        """Negative log likelihood and its gradient in (log alpha at 0, log alpha at the top)."""
        eta = theta[0] + (theta[1] - theta[0]) * share
        r = np.exp(-eta)  # 1 / alpha
        log_p = np.log(r / (r + mu))
        ll = special.gammaln(y + r) - special.gammaln(r) - ln_y1 + r * log_p + y * np.log(mu / (r + mu))
        d_eta = -r * (special.digamma(y + r) - special.digamma(r) + log_p + (mu - y) / (r + mu))
        return float(-ll.sum()), -np.array([(d_eta * (1 - share)).sum(), (d_eta * share).sum()])

    start = float(np.clip(np.log(max(moment_alpha(y, mu), 1e-3)), lo + 0.1, hi - 0.1))
    with one_thread():
        fit = optimize.minimize(loss, np.array([start, start]), jac=True, method="L-BFGS-B",
                                bounds=[(lo, hi), (lo, hi)])  # fmt: skip
    a, at_top = map(float, fit.x)
    return Dispersion(a, (at_top - a) / top if top > 0 else 0.0)


@dataclass(frozen=True)
class CountForecast:
    """Predicted counts for one period: `mean[i]` for place i and its dispersion `alpha` (one value
    for every place, or one per place)."""

    mean: np.ndarray
    alpha: float | np.ndarray

    def _dist(self, at: np.ndarray | None = None) -> Any:
        """The scipy distribution of every place, or of the places `at` (indices, repeats allowed)."""
        mu = np.maximum(self.mean, FLOOR)
        alpha = np.broadcast_to(np.asarray(self.alpha, dtype=float), mu.shape)
        if at is not None:
            mu, alpha = mu[at], alpha[at]
        if np.all(alpha <= 1e-9):
            return stats.poisson(mu)
        n = 1.0 / np.maximum(alpha, ALPHA_RANGE[0])
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
        return hotspot_share(self._dist().rvs(size=(draws, n), random_state=np.random.default_rng(seed)), k)

    def pmf(self, y: np.ndarray) -> np.ndarray:
        """Predictive probability of each place's observed count."""
        return np.asarray(self._dist().pmf(y))

    def log_score(self, y: np.ndarray) -> float:
        """Mean negative log predictive probability of the observed counts (lower is better)."""
        return float(-np.mean(self._dist().logpmf(y)))


def hotspot_share(sample: np.ndarray, k: int) -> np.ndarray:
    """Per place (column), the share of joint draws (rows) in which it reaches the k-th largest
    count of its draw and that count is > 0."""
    kth = np.sort(sample, axis=1)[:, -min(k, sample.shape[1])]
    return np.asarray((sample >= np.maximum(kth, 1)[:, None]).mean(axis=0))


@dataclass(frozen=True)
class PooledForecast:
    """A linear pool of candidate forecasts (Geweke & Amisano 2011, "Optimal prediction pools"):
    each place's count comes from candidate j's distribution with probability `weights[j]`. After
    a jump, a pool of a model that reverts and one that holds says "it may fall back or it may
    stay", which no single negative binomial can. Same questions as `CountForecast`."""

    parts: tuple[CountForecast, ...]
    weights: np.ndarray

    @property
    def mean(self) -> np.ndarray:
        return np.asarray(sum(w * p.mean for w, p in zip(self.weights, self.parts, strict=True)))

    def interval(self, level: float = 0.8) -> tuple[np.ndarray, np.ndarray]:
        """Central prediction interval of the mixture: the smallest counts whose cumulative
        probability reaches each tail."""
        tail = (1.0 - level) / 2.0
        top = int(max(np.max(p.interval(0.999)[1]) for p in self.parts)) + 1
        grid = np.arange(top + 1)[:, None]
        parts = zip(self.weights, self.parts, strict=True)
        cdf = np.asarray(sum(w * p._dist().cdf(grid) for w, p in parts)) + 1e-12
        return (cdf >= tail).argmax(axis=0).astype(float), (cdf >= 1 - tail).argmax(axis=0).astype(float)

    def prob_at_least(self, q: np.ndarray | float) -> np.ndarray:
        parts = zip(self.weights, self.parts, strict=True)
        return np.asarray(sum(w * p.prob_at_least(q) for w, p in parts))

    def prob_hotspot(self, k: int, draws: int = DRAWS, seed: int = 0) -> np.ndarray:
        """As `CountForecast.prob_hotspot`; each place's draw comes from a candidate drawn by weight."""
        n = len(self.parts[0].mean)
        if n == 0:
            return np.zeros(0)
        rng = np.random.default_rng(seed)
        pick = rng.choice(len(self.parts), size=(draws, n), p=self.weights)
        sample = np.zeros((draws, n))
        for j, part in enumerate(self.parts):
            rows, cols = np.nonzero(pick == j)
            if cols.size:
                sample[rows, cols] = part._dist(cols).rvs(random_state=rng)
        return hotspot_share(sample, k)

    def pmf(self, y: np.ndarray) -> np.ndarray:
        return np.asarray(sum(w * p.pmf(y) for w, p in zip(self.weights, self.parts, strict=True)))

    def log_score(self, y: np.ndarray) -> float:
        return float(-np.mean(np.log(np.maximum(self.pmf(y), 1e-300))))


Forecast = CountForecast | PooledForecast


def pool_weights(density: np.ndarray, iterations: int = 500) -> np.ndarray:
    """Weights of the linear pool that maximise the mean log score of past observations, from each
    candidate's predictive probability of them (`density`: observations x candidates), by EM on the
    mixture weights; equal weights when there is nothing to learn from."""
    n_obs, n_parts = density.shape
    w = np.full(n_parts, 1.0 / n_parts)
    if n_obs == 0:
        return w
    dens = np.maximum(density, 1e-300)
    for _ in range(iterations):
        share = dens * w / (dens @ w)[:, None]
        new = share.mean(axis=0)
        if np.max(np.abs(new - w)) < 1e-7:
            return new
        w = new
    return w
