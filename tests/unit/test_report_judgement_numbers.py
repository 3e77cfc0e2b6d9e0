"""A judgement's forecast as a reader reads it: the median beside the mean when they part."""

from __future__ import annotations

import numpy as np

from graph import privacy
from graph.forecast.calibration import Calibrator
from graph.forecast.distribution import CountForecast, PooledForecast
from graph.forecast.panel import Panel
from graph.report import judgements as jd
from graph.report.evidence import parse
from graph.report.outlook import Outlook


def _outlook(parts: list[tuple[float, float]], weights: list[float]) -> Outlook:
    panel = Panel(("SexTrafficking",), ("2015", "2016"), np.array([[98.0, 91.0]]))
    pooled = PooledForecast(tuple(CountForecast(np.array([m]), a) for m, a in parts), np.array(weights))
    lower, upper = pooled.interval(0.8)
    return Outlook(panel=panel, period="2017", model="pool", forecast=pooled, calibrator=Calibrator(),
                   backtest=[], calibration=[], k=3, hotspot=np.zeros(1), lower=lower, upper=upper,
                   median=pooled.interval(0.0)[0], origins=12, lead="pool")  # fmt: skip


DOCS = parse(
    [{"id": f"d{i}", "published": f"2016-0{i}-01", "text": "A case of sexual exploitation.",
      "entities": [], "classification": {"trafficking_types": [{"type": "SexTrafficking"}]}}
     for i in (1, 2)]
)  # fmt: skip


def test_a_skewed_forecast_gives_its_median_beside_the_mean() -> None:
    privacy.configure("test-secret-27")
    subject = jd.Subject("SexTrafficking", 91, 98, "2016")
    # one candidate expects three times the count, the others a quarter of it (as on Orange County)
    skewed = jd.form(
        _outlook([(327.0, 1.0), (91.0, 4.0), (27.0, 2.8)], [0.21, 0.33, 0.46]), subject, DOCS, "auditor"
    )
    assert skewed is not None
    n = skewed["numbers"]
    assert isinstance(n, dict) and n["median"] < 0.5 * n["forecast"]
    assert f"forecast {round(n['forecast'])} (mean; median {n['median']}), 80% interval" in str(
        skewed["text"]
    )
    assert skewed["word"] in ("unlikely", "highly unlikely", "a realistic possibility")
    # a forecast whose mean and median agree says the mean alone
    plain = jd.form(_outlook([(95.0, 0.01)], [1.0]), subject, DOCS, "auditor")
    assert (
        plain is not None
        and "median" not in str(plain["text"])
        and "forecast 95, 80% interval" in str(plain["text"])
    )
    assert jd.skewed(111.2, 22) and not jd.skewed(95.0, 94) and not jd.skewed(2.0, 1)
