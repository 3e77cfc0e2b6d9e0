"""Limits and typed errors: depth/alias limits, capped page sizes, the Cypher timeout's error code.

Every error a client can get carries `extensions.code` (one of :data:`CODES`) and a message that says
what to do next.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, ClassVar

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

from api.config import Settings

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


class DocumentCache(SchemaExtension):
    """Parse and validate each distinct query text once; the depth and alias limits are validation rules.

    One extension instead of four (parser cache, depth limiter, alias limiter, validation cache): every
    Strawberry extension costs hook set-up on every request, and the limiters used to build their rule
    classes per request. Both caches are bounded LRUs keyed by (schema, query text) — strings hash in
    O(1), unlike the AST Strawberry's own ValidationCache hashes per request. A refused text stays
    refused (its errors are cached too).
    """

    _documents: ClassVar[OrderedDict[tuple[Any, str], Any]] = OrderedDict()
    _validated: ClassVar[OrderedDict[tuple[Any, str], list[Any]]] = OrderedDict()
    MAXSIZE: ClassVar[int] = 1024

    def __init__(self, rules: tuple[Any, ...] = ()) -> None:
        super().__init__()
        self.rules = rules

    @classmethod
    def _remember(cls, cache: OrderedDict[tuple[Any, str], Any], key: tuple[Any, str], value: Any) -> None:
        cache[key] = value
        if len(cache) > cls.MAXSIZE:
            cache.popitem(last=False)

    @classmethod
    def validated(cls, schema: Any, query: str) -> Any | None:
        """The parsed document of a query text already validated without errors, else None."""
        key = (schema, query)
        errors = cls._validated.get(key)
        document = cls._documents.get(key)
        if errors is None or errors or document is None:
            return None
        try:
            cls._validated.move_to_end(key)
            cls._documents.move_to_end(key)
        except KeyError:  # evicted meanwhile by another thread: the document is still valid
            pass
        return document

    def on_parse(self) -> Iterator[None]:
        ec = self.execution_context
        key = (ec.schema, ec.query or "")
        cached = self._documents.get(key)
        if cached is not None and ec.graphql_document is None:
            self._documents.move_to_end(key)
            ec.graphql_document = cached
        yield
        if cached is None and ec.query and ec.graphql_document is not None:
            self._remember(self._documents, key, ec.graphql_document)

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        if ec.query and ec.graphql_document is not None and ec.pre_execution_errors is None:
            key = (ec.schema, ec.query)
            errors = self._validated.get(key)
            if errors is None:
                from strawberry.schema.schema import validate_document

                rules = (*ec.validation_rules, *self.rules)
                errors = validate_document(ec.schema._schema, ec.graphql_document, rules)
                self._remember(self._validated, key, errors)
            else:
                self._validated.move_to_end(key)
            ec.pre_execution_errors = errors
        yield


def extensions(settings: Settings) -> list[Any]:
    """The Strawberry extension enforcing the document-level limits (depth, aliases), with the
    parse/validation caches; the rule classes are built once per schema."""
    rules = (
        depth_validator(settings.max_query_depth, None),
        alias_validator(settings.max_aliases),
    )
    return [lambda: DocumentCache(rules)]
