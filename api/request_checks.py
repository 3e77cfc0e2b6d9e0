"""The checks the request guard (api/guard.py) runs on one GraphQL request before the pipeline:
reading the operation out of the HTTP request, then its text length, tokens, selections and
estimated cost against the caller's role budget (api/cost.py)."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any
from urllib.parse import parse_qs

import orjson
import strawberry
from graphql import GraphQLError, parse

from api.config import Settings
from api.cost import operation_cost
from api.limits import MAX_HOPS, DocumentCache, api_error, check_text, selection_errors

Scope = MutableMapping[str, Any]


def check_operation(
    schema: strawberry.Schema,
    settings: Settings,
    role: str,
    query: str,
    variables: dict[str, Any] | None,
    operation: str | None,
) -> tuple[GraphQLError | None, int]:
    """(the refusal, or None; the estimated cost) of one operation for a role."""
    try:
        check_text(query, settings)
    except GraphQLError as error:
        return error, 0
    document = DocumentCache.document(schema, query)
    if document is None:
        try:
            document = parse(query, max_tokens=settings.api_max_tokens)
        except GraphQLError as error:
            if "more than" in error.message and "tokens" in error.message:
                return api_error(
                    "LIMIT_EXCEEDED",
                    f"The query has more than {settings.api_max_tokens} tokens; ask for fewer "
                    "fields or split it into several requests.",
                    max_tokens=settings.api_max_tokens,
                ), 0
            return None, 0  # the pipeline reports the syntax error (its parse stops at the same place)
        except RecursionError:
            return None, 0
        DocumentCache.remember_document(schema, query, document)
    errors = selection_errors(document, settings)
    if errors:
        return errors[0], 0
    cost = operation_cost(schema._schema, document, operation, variables, settings.max_page_size, MAX_HOPS)
    budget = settings.api_cost_budget.get(role, min(settings.api_cost_budget.values()))
    if cost > budget:
        return GraphQLError(
            f"This operation's estimated cost is {cost}; role '{role}' may spend {budget} per "
            "request (cost ≈ rows x depth: each field's limit and depth multiply its sub-selection). "
            "Lower limit, depth or maxHops, ask for fewer nested lists, or split the request.",
            extensions={"code": "LIMIT_EXCEEDED", "cost": cost, "budget": budget},
        ), cost
    return None, cost


def graphql_request(scope: Scope, body: bytes) -> tuple[str, dict[str, Any] | None, str | None] | None:
    """(query, variables, operationName) of a single GraphQL operation, else None."""
    if scope["method"] == "GET":
        params = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if "query" not in params:
            return None
        try:
            variables = orjson.loads(params["variables"][0]) if "variables" in params else None
        except orjson.JSONDecodeError:
            variables = None
        operation = params.get("operationName", [None])[0]
        return params["query"][0], variables if isinstance(variables, dict) else None, operation
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("query"), str):
        return None
    variables, operation = data.get("variables"), data.get("operationName")
    return (
        data["query"],
        variables if isinstance(variables, dict) else None,
        operation if isinstance(operation, str) else None,
    )
