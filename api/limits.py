"""Limits and typed errors: depth/alias limits, capped page sizes, the Cypher timeout's error code.

Every error a client can get carries `extensions.code` (one of :data:`CODES`) and a message that says
what to do next.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, ClassVar

from graphql import GraphQLError
from strawberry.extensions import MaxAliasesLimiter, ParserCache, QueryDepthLimiter, SchemaExtension

from graph.config import Settings

CODES = (
    "FORBIDDEN",
    "BAD_USER_INPUT",
    "LIMIT_EXCEEDED",
    "NOT_FOUND",
    "QUERY_TIMEOUT",
    "GRAPH_UNAVAILABLE",
    "NOT_AVAILABLE",
)
MAX_DEPTH = 3
MAX_HOPS = 6
EVIDENCE_PER_EDGE = 5


def api_error(code: str, message: str, **extra: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code, **extra})


def page(limit: int | None, offset: int | None, settings: Settings, default: int = 20) -> tuple[int, int]:
    """(limit, offset) after validation: limit in 1..max_page_size, offset ≥ 0; refused otherwise."""
    lim = default if limit is None else limit
    off = 0 if offset is None else offset
    if lim < 1 or lim > settings.max_page_size:
        raise api_error(
            "LIMIT_EXCEEDED",
            f"limit must be between 1 and {settings.max_page_size} (got {lim}); "
            "fetch further pages with `offset`.",
            max_page_size=settings.max_page_size,
        )
    if off < 0:
        raise api_error("BAD_USER_INPUT", f"offset must be ≥ 0 (got {off}).")
    return lim, off


def bounded(name: str, value: int, low: int, high: int) -> int:
    if not low <= value <= high:
        raise api_error("LIMIT_EXCEEDED", f"{name} must be between {low} and {high} (got {value}).")
    return value


class QueryTextValidationCache(SchemaExtension):
    """Validate each distinct query text once (validation cost ≈ half of a small request otherwise).

    Keyed by (schema, query text) — strings hash in O(1), unlike the AST that Strawberry's own
    ValidationCache hashes on every request. The depth and alias limits are validation rules, so a
    refused text stays refused.
    """

    _cache: ClassVar[OrderedDict[tuple[Any, str], list[Any]]] = OrderedDict()
    MAXSIZE: ClassVar[int] = 1024

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        if ec.query and ec.graphql_document is not None and ec.pre_execution_errors is None:
            key = (ec.schema, ec.query)  # rules are fixed per schema (limiters build new classes)
            cache = type(self)._cache
            if key in cache:
                cache.move_to_end(key)
            else:
                from strawberry.schema.schema import validate_document

                cache[key] = validate_document(ec.schema._schema, ec.graphql_document, ec.validation_rules)
                if len(cache) > self.MAXSIZE:
                    cache.popitem(last=False)
            ec.pre_execution_errors = cache[key]
        yield


def extensions(settings: Settings) -> list[Any]:
    """Strawberry validation extensions enforcing the document-level limits (+ a parser cache: a
    repeated query text is parsed once)."""
    return [
        lambda: ParserCache(maxsize=1024),
        lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        QueryTextValidationCache,
    ]
