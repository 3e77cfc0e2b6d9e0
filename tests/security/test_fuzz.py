"""Hypothesis-driven fuzzing of the GraphQL API with a bounded budget: arbitrary strings (mixed with
seed personal values, raw ids and GraphQL/Cypher/Lucene syntax) in every string argument of every
query field, for the masked roles. Properties: never a 5xx, never a personal value of the seed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.integration.test_api_fixtures import Api
from tests.security.conftest import post
from tests.security.schema_matrix import INTROSPECTION, calls, client_schema
from tests.security.seed import MASKED, PERSON, RAW_IDS, SECRETS, leaks

BUDGET = 150
"""Examples per role (≈ 10-20 s each on the test machine)."""
SYNTAX = ["anon:", "\\", '"', "'", "*", "~", "OR", "AND", "$", "{", "}", "//", "\u0000", "\u202e"]
FRAGMENTS = [*PERSON, *SECRETS["phone"], *SECRETS["email"], *SECRETS["payment"], *RAW_IDS, *SYNTAX]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=4).map(" ".join)


@pytest.fixture(scope="module")
def all_calls(sec_api: Api) -> list:
    schema = client_schema(sec_api.gql("admin", INTROSPECTION)["data"])
    return list(calls(schema, ["FUZZ"], list(RAW_IDS)))


@pytest.mark.parametrize("role", sorted(MASKED))
def test_fuzzed_arguments_never_leak_or_crash(sec_api: Api, all_calls: list, role: str) -> None:
    @settings(max_examples=BUDGET, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
    @given(index=st.integers(min_value=0, max_value=len(all_calls) - 1), value=texts)
    def one(index: int, value: str) -> None:
        call = all_calls[index]
        variables = {
            k: (
                [value if x == "FUZZ" else x for x in v]
                if isinstance(v, list)
                else value
                if v == "FUZZ"
                else v
            )
            for k, v in call.variables.items()
        }
        status, text = post(sec_api, role, call.query, variables)
        assert status < 500, (call.field, variables, text[:300])
        assert not leaks(text, role), (call.field, variables, leaks(text, role))

    one()
