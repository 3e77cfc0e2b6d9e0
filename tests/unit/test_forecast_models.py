"""Forecasting: panel building, predictive distributions, the GLM and baselines, the backtest."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from graph.forecast.backtest import CHOSEN, backtest, hotspots, precision_at_k, select
from graph.forecast.distribution import (
    CountForecast,
    Dispersion,
    PooledForecast,
    fit_dispersion,
    jump,
    moment_alpha,
    pool_weights,
)
from graph.forecast.models import SEASONAL, LastPeriod, LongRunMean, PoissonGLM, candidates
from graph.forecast.panel import Panel, build_panel, period_of


def test_build_panel_fills_gaps_and_counts_a_document_once_per_place_and_period() -> None:
    events = [
        ("Santa Ana", date(2015, 3, 1), "d1"),
        ("Santa Ana", date(2015, 9, 1), "d1"),  # same document, same year: once
        ("Santa Ana", date(2015, 9, 1), "d2"),
        ("Anaheim", date(2018, 1, 5), "d3"),
    ]
    panel = build_panel(events, "year")
    assert panel.periods == ("2015", "2016", "2017", "2018")
    assert panel.places == ("Anaheim", "Santa Ana")
    assert panel.counts.tolist() == [[0, 0, 0, 1], [2, 0, 0, 0]]
    assert panel.docs[("Santa Ana", "2015")] == ["d1", "d2"]
    assert period_of(date(2019, 5, 17), "quarter") == "2019-Q2"
    assert build_panel(events, "month").periods[:2] == ("2015-03", "2015-04")
    quiet_end = build_panel(events, "year", through=date(2020, 6, 1))
    assert quiet_end.periods[-1] == "2020" and quiet_end.counts[:, -2:].sum() == 0


def test_forecast_distribution_interval_probability_and_dispersion() -> None:
    fc = CountForecast(np.array([2.0, 20.0]), 0.0)
    lo, hi = fc.interval(0.8)
    assert lo[0] <= 2 <= hi[0] and lo[1] < 20 < hi[1] and hi[1] - lo[1] > hi[0] - lo[0]
    p = fc.prob_at_least(np.array([1, 40]))
    assert 0.85 < p[0] < 0.87 and p[1] < 0.001  # P(Poisson(2) >= 1) = 1 - e^-2
    wide = CountForecast(np.array([20.0]), 0.5).interval(0.8)
    assert wide[1][0] - wide[0][0] > hi[1] - lo[1]
    rng = np.random.default_rng(0)
    mu = np.full(4000, 5.0)
    assert moment_alpha(rng.poisson(mu).astype(float), mu) < 0.03
    assert 0.3 < moment_alpha(rng.negative_binomial(2, 2 / 7, 4000).astype(float), mu) < 0.7


def test_dispersion_model_learns_how_the_spread_grows_with_the_last_change() -> None:
    rng = np.random.default_rng(2)
    mu = rng.uniform(2, 40, 6000)
    z = rng.exponential(0.4, 6000)
    alpha = 0.05 * np.exp(2.0 * z)
    y = rng.negative_binomial(1 / alpha, (1 / alpha) / (1 / alpha + mu)).astype(float)
    fit = fit_dispersion(y, mu, z)
    assert fit.alpha == pytest.approx(0.05, rel=0.25) and fit.b == pytest.approx(2.0, abs=0.3)
    flat = fit_dispersion(rng.negative_binomial(4, 4 / (4 + mu)).astype(float), mu, z)  # alpha 0.25 for all
    assert flat.alpha == pytest.approx(0.25, rel=0.2) and abs(flat.b) < 0.25
    assert fit_dispersion(np.zeros(0), np.zeros(0), np.zeros(0)) == Dispersion.poisson()
    counts = np.array([[10.0, 10.0], [10.0, 40.0]])  # the second place jumped
    assert jump(counts) == pytest.approx([0.0, np.log(41 / 11)]) and jump(counts[:, :1]).tolist() == [0, 0]
    fc = CountForecast(np.array([20.0, 20.0]), fit(jump(counts)))
    lo, hi = fc.interval(0.8)
    assert hi[1] - lo[1] > 2 * (hi[0] - lo[0])  # same mean, the jumped place's interval is far wider


def test_baselines_repeat_last_period_and_long_run_average() -> None:
    panel = Panel(("a", "b"), ("1", "2", "3"), np.array([[1.0, 2, 6], [4, 4, 4]]))
    assert LastPeriod().forecast(panel).mean.tolist() == [6, 4]
    assert LongRunMean().forecast(panel).mean.tolist() == [3, 4]


def _ramp_panel(periods: int = 16) -> Panel:
    """Place 0 grows steadily, place 1 is flat, places 2..9 are small and flat."""
    rng = np.random.default_rng(3)
    t = np.arange(periods)
    mu = np.vstack(
        [np.exp(0.5 + 0.2 * t), np.full(periods, 8.0)] + [np.full(periods, 1.0 + i % 3) for i in range(8)]
    )
    counts = rng.poisson(mu).astype(float)
    return Panel(tuple(f"p{i}" for i in range(10)), tuple(map(str, t)), counts)


def test_glm_follows_a_trend_the_long_run_average_misses() -> None:
    panel = _ramp_panel()
    model = PoissonGLM()
    fc = model.forecast(panel)
    assert fc.mean[0] > LongRunMean().forecast(panel).mean[0] * 1.5
    assert fc.mean[0] > np.exp(0.5 + 0.2 * 16) * 0.6
    assert set(model.coef_) >= {"intercept", "log last period", "trend (log slope)"}
    lo, hi = fc.interval(0.8)
    assert lo[1] <= 8 <= hi[1]


def test_precision_counts_ties_at_the_kth_count_as_hotspots() -> None:
    actual = hotspots(np.array([5.0, 3, 3, 0]), 2)
    assert actual == {0, 1, 2}
    assert precision_at_k(np.array([1.0, 0, 2, 3]), actual, 2) == 0.5
    assert hotspots(np.array([0.0, 0, 0]), 2) == set()


def test_backtest_scores_every_origin_and_records_judgements() -> None:
    panel = _ramp_panel(20)
    scores, calls = backtest(panel, k=3, first=10, criterion="log-score")
    names = [s.name for s in scores]
    assert names == [CHOSEN, "Poisson GLM (trend + seasonality)", "last period repeats", "long-run average"]
    assert all(len(s.precision) == 9 for s in scores)
    chosen, glm, _, mean = scores
    assert np.mean(glm.deviance) < np.mean(mean.deviance)
    # the chosen row is, origin by origin, the candidate it says it picked
    assert len(chosen.picked) == 9
    for i, (d, name) in enumerate(zip(chosen.deviance, chosen.picked, strict=True)):
        assert d == next(s.deviance[i] for s in scores[1:] if s.name == name)
    assert {c.kind for c in calls} == {"hotspot", "increase"}
    assert all(0.0 <= c.probability <= 1.0 for c in calls)
    # the growing place is a hotspot in every scored period and the model says so with confidence
    grows = [c for c in calls if c.place == "p0" and c.kind == "hotspot"]
    assert len(grows) == 9 and all(c.came_true for c in grows) and min(c.probability for c in grows) > 0.5


def test_a_backtest_forecasts_only_the_places_known_at_each_origin() -> None:
    """A place first named in period 14 is in no forecast or judgement before it: keeping it with its
    zeros would tell the models it is about to appear. Once it is in the top k, it is a miss for every
    model alike until it has been seen; after that it is forecast like any other place."""
    rng = np.random.default_rng(3)
    counts = rng.poisson(5.0, size=(6, 20)).astype(float)
    counts[5, :14] = 0.0
    counts[5, 14:] = 40.0  # appears at 14 and at once leads
    panel = Panel(tuple(f"p{i}" for i in range(6)), tuple(map(str, range(20))), counts)
    scores, calls = backtest(panel, k=1, first=8, criterion="log-score")
    late = [c for c in calls if c.place == "p5"]
    assert late and min(int(c.period) for c in late) == 15  # first judged for 15, from origin 14
    assert all(int(c.period) > 14 for c in late)
    last, mean = (next(s for s in scores if s.name == n) for n in ("last period repeats", "long-run average"))
    assert last.precision[13 - 8] == 0.0 and mean.precision[13 - 8] == 0.0  # origin 13 -> 14: unknown, missed
    assert last.precision[14 - 8] == 1.0  # origin 14 -> 15: seen once, ranked first by last period
    # required documents before a place is forecast: 3 keeps p5 out until it has three
    _, strict = backtest(panel, k=1, first=8, criterion="log-score", min_total=3)
    assert min(int(c.period) for c in strict if c.place == "p5") == 15  # 40 documents at 14 already
    counts[5, 14:] = 1.0
    _, thin = backtest(
        Panel(panel.places, panel.periods, counts), k=1, first=8, criterion="log-score", min_total=3
    )
    assert min((int(c.period) for c in thin if c.place == "p5"), default=99) >= 17  # three by 16


def test_the_glm_does_not_extrapolate_far_past_anything_a_sparse_panel_has_seen() -> None:
    """Three bursty places and twenty-two near-silent ones, on in about half the months: the pooled
    fit has few informative rows, and a weak penalty let it forecast hundreds of times a place's
    highest count (1 579x with the former 1e-3)."""
    rng = np.random.default_rng(116)
    base = np.r_[rng.uniform(2, 6, 3), rng.uniform(0.02, 0.15, 22)]
    on = rng.random(20) < 0.55
    counts = rng.poisson(np.outer(base, on * 2.0 + 0.05)).astype(float)
    panel = Panel(tuple(f"p{i}" for i in range(25)), tuple(map(str, range(20))), counts, 12)
    assert float((PoissonGLM(l2=1e-3).forecast(panel).mean / (counts.max(axis=1) + 1)).max()) > 100
    assert float((PoissonGLM().forecast(panel).mean / (counts.max(axis=1) + 1)).max()) < 3


def test_leading_indicators_warnings_and_upstream_raise_the_forecast_where_they_precede_rises() -> None:
    """Planted: a quiet place jumps two periods after early warnings there and one period after its
    upstream neighbour jumps; the GLM with leading indicators learns it, the baseline cannot."""
    rng = np.random.default_rng(4)
    n, t_len = 12, 40
    counts = rng.poisson(3.0, (n, t_len)).astype(float)
    signals = np.zeros((n, t_len))
    for onset in range(4, t_len - 1, 5):
        place = onset % (n - 1)
        signals[place, onset - 2] += 4
        counts[place, onset] += 25
        counts[place + 1, onset + 1 : onset + 2] += 25  # the next stop downstream, a period later
    edges = [(str(i), str(i + 1)) for i in range(n - 1)]
    places = tuple(str(i) for i in range(n))
    panel = Panel(places, tuple(str(i) for i in range(t_len)), counts, None)
    from graph.forecast.panel import upstream_matrix

    lead = panel.with_leading(signals, upstream_matrix(places, edges))
    assert lead.upto(10).signals.shape == (n, 11)  # type: ignore[union-attr]
    origin = 33  # warnings at 32 for place 3 (onset 34 = 33 + 1); its downstream place 4 rises at 35
    glm = PoissonGLM()
    fc = glm.forecast(lead.upto(origin))
    assert (
        "log early warnings the period before" in glm.coef_
        and glm.coef_["log early warnings the period before"] > 0.3
    )
    assert int(np.argmax(fc.mean)) == 34 % (n - 1)
    assert int(np.argmax(LastPeriod().forecast(lead.upto(origin)).mean)) != 34 % (n - 1)
    plain = PoissonGLM()
    plain.forecast(panel.upto(origin))
    assert not any("warnings" in k or "upstream" in k for k in plain.coef_)  # no data, no feature
    few = PoissonGLM()
    few.forecast(
        panel.with_leading(np.minimum(signals, 1) * (signals.cumsum(axis=1) <= 4), None).upto(origin)
    )
    assert not any("warnings" in k for k in few.coef_)  # too few warnings to estimate their effect


def _seasonal_panel(years: int = 4, n: int = 20, seed: int = 7) -> tuple[Panel, np.ndarray]:
    """Fictional monthly series: every place has a flat level and a sharp yearly peak in its own month
    (x6 at the peak, x3 the month either side), Poisson noise."""
    rng = np.random.default_rng(seed)
    months = 12 * years
    t = np.arange(months)
    level = rng.uniform(1.0, 4.0, n)
    peak = np.arange(n) % 12
    dist = np.abs((t[None, :] - peak[:, None] + 6) % 12 - 6)
    mu = level[:, None] * np.where(dist == 0, 6.0, np.where(dist == 1, 3.0, 1.0))
    counts = rng.poisson(mu).astype(float)
    return Panel(tuple(f"p{i}" for i in range(n)), tuple(f"m{m}" for m in t), counts, 12), mu


def test_seasonal_excess_averages_the_same_period_of_earlier_years() -> None:
    from graph.forecast.models import seasonal_excess

    counts = np.ones((1, 31))
    counts[0, [6, 18]] = [7.0, 15.0]  # the 7th month peaks in both earlier years
    excess = seasonal_excess(counts[:, :30], 12)  # predicting index 30: same month as 18 and 6
    year1 = np.log1p(7.0) - np.log1p(counts[0, 0:13].mean())  # the 13 months centred on index 6
    year2 = np.log1p(15.0) - np.log1p(counts[0, 12:25].mean())
    assert excess[0] == pytest.approx((year1 + year2) / 2)
    assert seasonal_excess(counts[:, :29], 12)[0] == pytest.approx(-np.log1p(15 / 13 + 12 / 13) + np.log1p(1))
    assert seasonal_excess(counts[:, :17], 12)[0] == 0  # index 5's year is not fully known: no estimate


def test_glm_foresees_a_yearly_peak_that_the_no_season_variant_and_last_period_miss() -> None:
    panel, mu = _seasonal_panel()
    origin = 12 * 3 + 2  # predicting month 3 of year 4: place 3 (and 15) peak then
    glm, flat = PoissonGLM(), PoissonGLM(seasonal=False)
    fc, fc_flat = glm.forecast(panel.upto(origin)), flat.forecast(panel.upto(origin))
    assert glm.coef_[SEASONAL] > 0.5 and SEASONAL not in flat.coef_
    peaking = [3, 15]
    assert all(fc.mean[i] > 1.3 * fc_flat.mean[i] for i in peaking)
    assert all(abs(np.log(fc.mean[i] / mu[i, origin + 1])) < 0.5 for i in peaking)
    # over a year of origins the seasonal term ranks next month's hotspots better than the variants
    scores, _ = backtest(panel, k=4, first=36, models=[glm, flat, LastPeriod()])
    chosen, seasonal, no_season, last = (float(np.mean(s.precision)) for s in scores)
    assert seasonal > no_season + 0.1 and seasonal > last + 0.1
    assert chosen == seasonal  # the choice (with its warm-up) picks the seasonal GLM from the start


def test_candidates_are_the_glm_variants_that_differ_on_the_panel_and_the_baselines() -> None:
    plain = Panel(("a", "b"), ("1", "2", "3"), np.ones((2, 3)))
    assert [m.name for m in candidates(plain)] == [PoissonGLM.name, LastPeriod.name, LongRunMean.name]
    monthly, _ = _seasonal_panel(years=2, n=3)
    warned = monthly.with_leading(np.ones(monthly.counts.shape), None)
    assert [m.name for m in candidates(warned)] == [
        PoissonGLM.name, "Poisson GLM, own history only", "Poisson GLM, no seasonal term",
        LastPeriod.name, LongRunMean.name,
    ]  # fmt: skip


def test_choice_is_nested_and_follows_the_criterion() -> None:
    """A panel where 'last period repeats' is the right model (a random walk): the chosen forecast
    switches to it on earlier origins' evidence alone, and matches it out of sample."""
    rng = np.random.default_rng(11)
    n, months = 30, 30
    steps = rng.normal(0.0, 3.0, size=(n, months))
    counts = np.maximum(rng.uniform(15, 25, n)[:, None] + np.cumsum(steps, axis=1), 0).round()
    panel = Panel(tuple(f"p{i}" for i in range(n)), tuple(map(str, range(months))), counts)
    scores, _ = backtest(
        panel, k=5, first=10, models=[LongRunMean(), LastPeriod()], warmup=2, criterion="precision"
    )
    chosen, mean, last = scores
    assert np.mean(last.precision) > np.mean(mean.precision) + 0.1
    assert set(chosen.picked) == {LastPeriod.name}  # the warm-up origins already show it
    assert chosen.precision == last.precision
    no_warmup, _ = backtest(
        panel, k=5, first=10, models=[LongRunMean(), LastPeriod()], warmup=10, criterion="log-score"
    )
    assert no_warmup[0].picked[0] == LongRunMean.name  # no history yet: the first candidate
    assert set(no_warmup[0].picked[1:]) == {LastPeriod.name}  # one scored origin is enough here
    assert np.mean(no_warmup[0].precision) < np.mean(chosen.precision)  # that first origin cost it
    assert select([mean, last], "precision") == 1 and select([mean, last]) == 1
    with pytest.raises(ValueError, match="criterion"):
        select([mean, last], "accuracy")


def test_precision_choice_breaks_ties_by_log_score() -> None:
    from graph.forecast.backtest import ModelScore

    a = ModelScore("a", precision=[0.5, 0.5], log_score=[2.0, 2.0])
    b = ModelScore("b", precision=[0.5, 0.5], log_score=[1.0, 1.5])
    c = ModelScore("c", precision=[0.4, 0.5], log_score=[0.5, 0.5])
    assert select([a, b, c], "precision") == 1 and select([a, b, c]) == 2  # the default: log score
    assert select([ModelScore("x"), ModelScore("y")]) == 0


def test_hotspot_probability_is_the_chance_of_reaching_the_top_k_not_this_periods_threshold() -> None:
    fc = CountForecast(np.array([30.0, 30.0, 30.0, 2.0, 0.1]), 0.0)
    p = fc.prob_hotspot(2)
    assert np.array_equal(p, fc.prob_hotspot(2))  # seeded: the same answer twice
    # three equal places for two seats: each about 2/3, a little more for ties at the second count
    assert all(0.65 < x < 0.72 for x in p[:3]) and 2.0 <= p[:3].sum() < 2.15 and p[3] < 0.01 and p[4] < 0.01
    # two places, k = 2: both are hotspots whenever they have a document
    pair = CountForecast(np.array([1.0, 5.0]), 0.0).prob_hotspot(2)
    assert pair == pytest.approx([1 - np.exp(-1.0), 1 - np.exp(-5.0)], abs=0.02)


def test_pool_weights_recover_the_mixture_the_data_came_from() -> None:
    rng = np.random.default_rng(5)
    low, high = CountForecast(np.full(3000, 2.0), 0.0), CountForecast(np.full(3000, 12.0), 0.0)
    y = np.where(rng.random(3000) < 0.7, rng.poisson(2.0, 3000), rng.poisson(12.0, 3000))
    w = pool_weights(np.column_stack([low.pmf(y), high.pmf(y)]))
    assert w == pytest.approx([0.7, 0.3], abs=0.03)
    twos = np.full(3000, 2)  # every count at the low part's mode: nearly all weight on it
    assert pool_weights(np.column_stack([low.pmf(twos), high.pmf(twos)]))[0] > 0.99
    assert pool_weights(np.zeros((0, 3))).tolist() == pytest.approx([1 / 3] * 3)  # no history: equal


def test_pooled_forecast_answers_as_its_mixture() -> None:
    a, b = CountForecast(np.array([2.0, 30.0]), 0.1), CountForecast(np.array([10.0, 30.0]), 0.1)
    mix = PooledForecast((a, b), np.array([0.25, 0.75]))
    assert mix.mean.tolist() == pytest.approx([8.0, 30.0])
    y = np.array([3, 28])
    assert mix.pmf(y) == pytest.approx(0.25 * a.pmf(y) + 0.75 * b.pmf(y))
    assert mix.log_score(y) == pytest.approx(-np.mean(np.log(0.25 * a.pmf(y) + 0.75 * b.pmf(y))))
    assert mix.prob_at_least(np.array([5, 31])) == pytest.approx(
        0.25 * a.prob_at_least(np.array([5, 31])) + 0.75 * b.prob_at_least(np.array([5, 31]))
    )
    same = PooledForecast((b, b), np.array([0.5, 0.5]))  # a pool of one distribution is that distribution
    assert [x.tolist() for x in same.interval(0.8)] == [x.tolist() for x in b.interval(0.8)]
    assert same.prob_hotspot(1) == pytest.approx(b.prob_hotspot(1), abs=0.03)
    lo, hi = mix.interval(0.8)  # the first place: 25 % near 2, 75 % near 10 — the interval spans both
    assert lo[0] <= 2 and hi[0] >= 12 and lo[1] < 30 < hi[1]


def test_pool_beats_every_candidate_where_each_is_right_part_of_the_time() -> None:
    """Planted: each place's next count repeats its last one half the time and falls back to its
    long-run level the other half (a jump that may hold or revert). The pool of the two baselines,
    weighted on earlier origins only, scores better than either alone and weighs them about equally."""
    rng = np.random.default_rng(12)
    n, months = 40, 36
    level = rng.uniform(3, 30, n)
    counts = np.zeros((n, months))
    counts[:, 0] = rng.poisson(level)
    for t in range(1, months):
        hold = rng.random(n) < 0.5
        counts[:, t] = rng.poisson(np.where(hold, np.maximum(counts[:, t - 1], 0.5), level))
    panel = Panel(tuple(f"p{i}" for i in range(n)), tuple(map(str, range(months))), counts)
    scores, calls = backtest(panel, k=5, first=12, models=[LongRunMean(), LastPeriod()], warmup=2)
    pooled, mean, last = scores
    assert np.mean(pooled.log_score) < min(np.mean(mean.log_score), np.mean(last.log_score)) - 0.05
    weights = pooled.weights[-1]
    assert set(weights) == {LongRunMean.name, LastPeriod.name} and sum(weights.values()) == pytest.approx(1)
    assert 0.3 < weights[LastPeriod.name] < 0.7
    assert len(pooled.weights) == len(pooled.picked) == months - 1 - 12 and calls
