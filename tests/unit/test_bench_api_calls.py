"""The API bench's raw-driver baseline runs the resolvers' catalog queries with every parameter they need.

A query that gains a parameter (as `api/paths` did with `include_candidates`) otherwise breaks `make bench`
only when someone runs it."""

from __future__ import annotations

from types import SimpleNamespace

from bench.api import _raw_calls
from graph.catalog import catalog


def test_every_raw_call_passes_every_parameter_its_query_names() -> None:
    cat = catalog()
    by_text = {cat.get(name).text: cat.get(name) for name in cat.names()}
    sample = {"hub_id": "x", "path_from": "a", "path_to": "b", "search_text": "Ann"}
    calls = _raw_calls(SimpleNamespace(catalog=cat), sample)
    assert set(calls) == {"neighbourhood", "paths", "search"}
    for name, pairs in calls.items():
        for text, params in pairs:
            query = by_text[text]
            missing = set(query.params) - set(params)
            assert not missing, f"bench.api {name}: {query.name} needs {sorted(missing)}"


def test_the_limits_the_latency_bench_lifts_are_settings_the_api_reads() -> None:
    from api.config import Settings
    from bench.api import LIFTED_LIMITS

    fields = {f"LANTERN_{name.upper()}" for name in Settings.model_fields}
    assert set(LIFTED_LIMITS) <= fields, set(LIFTED_LIMITS) - fields
