"""Days leave the API as the driver's own ISO text, whatever way the Presenter formats them."""

from __future__ import annotations

import datetime
import random

import neo4j.time

from api.graphql.present import day_text


def test_day_text_matches_the_driver_text_over_the_whole_range() -> None:
    rng = random.Random(7)
    ordinals = [1, 2, datetime.date.max.toordinal()] + [
        rng.randint(1, datetime.date.max.toordinal()) for _ in range(5000)
    ]
    for ordinal in ordinals:
        day = neo4j.time.Date.from_ordinal(ordinal)
        assert day_text(day) == str(day)
    assert day_text(neo4j.time.ZeroDate) == str(neo4j.time.ZeroDate)
    assert day_text(datetime.date(2020, 2, 29)) == "2020-02-29"
    assert day_text("2024-01-02") == "2024-01-02"
