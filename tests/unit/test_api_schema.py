# ruff: noqa: E501
"""The exported GraphQL schema (`schema.graphql`) must match the code; limits and helpers."""

from __future__ import annotations

import pytest
from graphql import GraphQLError

from api.commands.serve import SCHEMA_FILE, schema_sdl
from api.config import Settings
from api.graphql.resolvers import lucene_query
from api.limits import bounded, page
from graph.resolve_keys import identifier_key, phone_digits, search_value


def test_schema_graphql_has_not_drifted() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_sdl(), (
        "schema.graphql is out of date: run `lantern serve --export-schema schema.graphql`"
    )


def test_schema_has_the_issue_operations() -> None:
    sdl = schema_sdl()
    for field in ("search(", "entity(", "neighbourhood(", "paths(", "network(", "community(", "sharedIdentifiers(",
                  "businessExposure(", "hotspots(", "routes(", "documents(", "analysisRuns(", "auditLog(",
                  "ingestDocuments(", "mergeEntities(", "splitEntity(", "runAnalysis("):  # fmt: skip
        assert field in sdl, field


def test_page_caps_and_bounds() -> None:
    s = Settings(max_page_size=50)
    assert page(None, None, s) == (20, 0)
    assert page(50, 10, s) == (50, 10)
    for limit, offset in ((51, 0), (0, 0), (10, -1)):
        with pytest.raises(GraphQLError) as exc:
            page(limit, offset, s)
        assert exc.value.extensions["code"] in ("LIMIT_EXCEEDED", "BAD_USER_INPUT")
    with pytest.raises(GraphQLError, match="depth must be between 1 and 3"):
        bounded("depth", 4, 1, 3)


def test_search_helpers() -> None:
    assert lucene_query('petrov") OR name:*') == 'petrov\\"\\) or name\\:\\*'
    assert search_value("+44 7700 900123", "US") == "+447700900123"
    assert search_value("(555) 010-0123", "US") == "+15550100123"
    assert search_value("Jane@Example.com", "US") == "jane@example.com"
    assert search_value("Sunrise Staffing", "US") is None
    # search finds what ingest stored: the same normaliser keys the nodes
    for text, kind in (("+44 7700 900123", "Phone"), ("Jane@Example.com", "Email")):
        assert search_value(text, "US") == identifier_key(kind, text, "US").value
    assert phone_digits("07700 900123") == "7700900123" and phone_digits("Flat 12") == ""
