"""The analysts' library: headers, typed parameters, ontology names, CLI parsing and the Browser guide."""

from __future__ import annotations

import re

import pytest

from graph.db import FakeRunner
from graph.library import (
    LibraryParamError,
    coerce,
    get_library_query,
    library,
    parse_cli_params,
    resolve_params,
    run_library_query,
)
from graph.library_guide import render_guide
from ontology import load_ontology

_LABEL = re.compile(r"\(\s*\w*\s*:\s*([A-Z]\w*(?:\s*:\s*[A-Z]\w*)*)")
_REL = re.compile(r"\[\s*\w*\s*:\s*([A-Z_|]+)")


def test_at_least_15_documented_read_queries() -> None:
    lib = library()
    assert len(lib) >= 15
    for lq in lib.values():
        assert lq.query.mode == "read", lq.name
        assert lq.description and lq.returns, f"{lq.name}: header needs description and returns"
        assert "MATCH" in lq.cypher or "CALL" in lq.cypher


@pytest.mark.parametrize("name", sorted(library()))
def test_declared_params_are_exactly_the_used_ones(name: str) -> None:
    lq = library()[name]
    assert {p.name for p in lq.params} == set(lq.query.params), name
    for p in lq.params:
        assert p.example is not None or not p.required, f"{name}: required ${p.name} needs an example"
    # the examples resolve to typed values
    resolved = resolve_params(lq, lq.example_params())
    assert set(resolved) == {p.name for p in lq.params}


@pytest.mark.parametrize("name", sorted(library()))
def test_queries_use_only_ontology_labels_and_types(name: str) -> None:
    ont = load_ontology()
    labels, types = set(ont.graph_labels()), set(ont.relationship_types)
    text = library()[name].cypher
    for group in _LABEL.findall(text):
        for label in re.split(r"\s*:\s*", group):
            assert label in labels, f"{name}: label {label} is not in the ontology"
    for group in _REL.findall(text):
        for rel in group.split("|"):
            assert rel in types, f"{name}: relationship type {rel} is not in the ontology"
    for quoted in re.findall(r"'([A-Z][A-Z_]+)'", text):
        assert quoted in types, f"{name}: '{quoted}' is not a relationship type"


def test_coerce_types_and_errors() -> None:
    lq = get_library_query("first_seen_since")
    specs = {p.name: p for p in lq.params}
    assert coerce(specs["limit"], "7") == 7
    assert coerce(specs["kinds"], '["Person", "Phone"]') == ["Person", "Phone"]
    assert coerce(specs["kinds"], "Person, Phone") == ["Person", "Phone"]
    assert coerce(specs["since"], "2024-01-05") == "2024-01-05"
    with pytest.raises(LibraryParamError, match="limit"):
        coerce(specs["limit"], "ten")
    with pytest.raises(LibraryParamError, match="since"):
        coerce(specs["since"], "last tuesday")


def test_resolve_fills_defaults_and_rejects_unknown_or_missing() -> None:
    lq = get_library_query("library/phone_network")
    assert resolve_params(lq, {"phone": "+447700900123"}) == {"phone": "+447700900123", "limit": 50}
    with pytest.raises(LibraryParamError, match="Missing parameter 'phone'"):
        resolve_params(lq, {})
    with pytest.raises(LibraryParamError, match="Unknown parameter"):
        resolve_params(lq, {"phone": "x", "colour": "red"})
    with pytest.raises(LibraryParamError, match="Did you mean: phone_network"):
        get_library_query("phone_netwrk")


def test_cli_pairs_and_run_through_runner() -> None:
    assert parse_cli_params(['ids=["a","b=c"]', "limit=3"]) == {"ids": '["a","b=c"]', "limit": "3"}
    with pytest.raises(LibraryParamError, match="NAME=VALUE"):
        parse_cli_params(["limit"])
    runner = FakeRunner(results={"library/hubs": [{"id": "x", "degree": 4}]})
    rows = run_library_query(runner, "hubs", {"limit": "5"})
    assert rows == [{"id": "x", "degree": 4}]
    name, _cypher, params = runner.calls[0]
    assert name == "library/hubs" and params == {"limit": 5}


def test_browser_guide_offers_every_query_ready_to_run() -> None:
    html = render_guide("http://localhost:8000")
    assert "<title>Lantern investigation guide</title>" in html
    assert ":style http://localhost:8000/browser-guide/lantern.grass" in html
    slides = html.count("<slide>")
    assert slides == len(library()) + 3
    for lq in library().values():
        assert f"<h3>{lq.name}</h3>" in html
    assert html.count('<pre class="runnable">') >= len(library())
    assert "<script" not in html
