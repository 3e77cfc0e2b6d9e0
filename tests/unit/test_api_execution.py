"""Planned result completion (api.graphql.execution) gives exactly what graphql-core's own path gives.

Each query runs on two schemas built from the same types: one with Strawberry's default execution
context, one with `PlannedExecutionContext`; data and errors must be identical, including errors
(nulls in non-null fields) and selections the plan must leave to graphql-core.
"""

from __future__ import annotations

import asyncio
import enum
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import strawberry

from api.graphql import execution
from api.graphql.execution import PlannedExecutionContext, variable_free


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Leaf:
    name: str
    score: float | None
    colour: Colour
    tags: list[str]


@strawberry.type
class Node:
    id: str
    count: int | None
    leaves: list[Leaf]
    best: Leaf | None

    @strawberry.field
    def shout(self) -> str:  # a resolver field: the plan must hand the object to graphql-core
        return self.id.upper()


def _node(i: int, **kw: Any) -> Node:
    leaves = [
        Leaf(name=f"l{i}{j}", score=j / 2 if j else None, colour=Colour.RED, tags=["a", "b"])
        for j in range(3)
    ]
    base: dict[str, Any] = {"id": f"n{i}", "count": i, "leaves": leaves, "best": leaves[0]}
    return Node(**{**base, **kw})


DATA: dict[str, list[Node]] = {"nodes": [_node(i) for i in range(4)]}


@strawberry.type
class Query:
    @strawberry.field
    def nodes(self) -> list[Node]:
        return DATA["nodes"]

    @strawberry.field
    async def later(self) -> list[Node]:
        return DATA["nodes"]


plain = strawberry.Schema(query=Query)
planned = strawberry.Schema(query=Query, execution_context_class=PlannedExecutionContext)

QUERIES = [
    "{ nodes { id count leaves { name score colour tags } best { name } } }",
    "{ nodes { __typename id alias: count leaves { __typename n: name } } }",
    "{ nodes { ...F } } fragment F on Node { id leaves { ...L } } fragment L on Leaf { name colour }",
    "{ nodes { id ... on Node { count } } }",
    "{ nodes { id shout leaves { name } } }",
    "{ later { id leaves { score } } }",
    "query($s: Boolean!) { nodes { id count @skip(if: $s) leaves { name @include(if: $s) } } }",
]


def _both(query: str, variables: dict[str, Any] | None = None) -> tuple[Any, Any]:
    async def run(schema: strawberry.Schema) -> tuple[Any, Any]:
        r = await schema.execute(query, variable_values=variables)
        return r.data, [(e.message, e.path) for e in r.errors or []]

    # a thread of its own: other tests (the browser tests' sync Playwright) may leave a loop running here
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, run(plain)).result(), pool.submit(asyncio.run, run(planned)).result()


@pytest.mark.parametrize("query", QUERIES)
def test_same_result_as_graphql_core(query: str) -> None:
    for variables in ({"s": True}, {"s": False}) if "$s" in query else (None,):
        expected, got = _both(query, variables)
        assert got == expected
        assert not expected[1]


def test_errors_are_reported_like_graphql_core(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = [_node(0), _node(1, leaves=[Leaf(name=None, score=1.0, colour=Colour.BLUE, tags=[])])]  # type: ignore[arg-type]
    monkeypatch.setitem(DATA, "nodes", broken)
    for query in ("{ nodes { id leaves { name } } }", "{ later { id leaves { name score } } }"):
        expected, got = _both(query)
        assert got == expected
        assert expected[1] and "Cannot return null for non-nullable field Leaf.name" in expected[1][0][0]


def test_wrong_shapes_fall_back(monkeypatch: pytest.MonkeyPatch) -> None:
    odd = [_node(0, count="seven"), _node(1, leaves="not a list")]  # type: ignore[arg-type]
    monkeypatch.setitem(DATA, "nodes", odd)
    expected, got = _both("{ nodes { id count leaves { name } } }")
    assert got == expected and expected[1]


def test_plans_are_used_and_shared_only_when_variable_free() -> None:
    execution._shared.clear()
    _both(QUERIES[0])
    assert len(execution._shared) == 1  # the `nodes` items: one plan, reused by the next request
    plan = next(iter(execution._shared.values()))[1]
    assert plan is not None
    _both(QUERIES[0])
    assert next(iter(execution._shared.values()))[1] is plan
    execution._shared.clear()
    _both(QUERIES[-1], {"s": True})
    assert not execution._shared  # @skip/@include below: compiled per request, never shared
    _both(QUERIES[4])
    plans = [p for _, p in execution._shared.values()]
    assert plans[0] is None and plans[1] is not None  # `shout` has a resolver: Node is graphql-core's,
    assert len(plans) == 2  # and its `leaves` items are planned again


def test_variable_free() -> None:
    from graphql import parse

    def nodes(query: str) -> tuple[Any, dict[str, Any]]:
        doc = parse(query)
        ops = [d for d in doc.definitions if d.kind == "operation_definition"]
        frags = {d.name.value: type("F", (), {"definition": d})() for d in doc.definitions if d not in ops}
        return ops[0].selection_set.selections, frags

    assert variable_free(*nodes("{ nodes { id leaves { name } } }"))
    assert not variable_free(*nodes("{ nodes { id @skip(if: true) } }"))
    assert not variable_free(
        *nodes("{ nodes { ...F } } fragment F on Node { leaves { name @include(if: false) } }")
    )
    assert variable_free(*nodes("{ nodes { ...F } } fragment F on Node { leaves { name } }"))


@pytest.mark.parametrize(
    ("count", "score"),
    [
        (2**31 - 1, 1.5),  # the largest Int, a plain float
        (-(2**31), -0.0),
        (2**31, 1.0),  # Int out of 32-bit range: an error, as graphql-core reports it
        (True, float("nan")),  # a bool where an Int is expected; NaN is not a valid Float
        (3, float("inf")),
        (4, 7),  # an int where a Float is expected: coerced
        (5, "2.5"),  # a string where a Float is expected: graphql-core's answer, whatever it is
    ],
)
def test_scalar_edge_values_complete_like_graphql_core(
    monkeypatch: pytest.MonkeyPatch, count: Any, score: Any
) -> None:
    leaves = [Leaf(name="x", score=score, colour=Colour.RED, tags=["t"])]
    monkeypatch.setitem(DATA, "nodes", [_node(0, count=count, leaves=leaves), _node(1)])
    for root, query in (
        ("nodes", "{ nodes { id count leaves { name score tags } } }"),
        ("later", "{ later { count leaves { score } } }"),
    ):
        expected, got = _both(query)
        assert got == expected
        assert [type(n["count"]) for n in got[0][root]] == [type(n["count"]) for n in expected[0][root]]
