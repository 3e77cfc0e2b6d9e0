"""Limits and typed errors: query size, selection count, depth/alias limits, capped page sizes, the
Cypher timeout's error code; the bounded parse/validation cache.

Every error a client can get carries `extensions.code` (one of :data:`CODES`) and a message that says
what to do next.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, ClassVar

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

from api.config import Settings
from api.cost import MAX_NESTING, count_selections

CODES = (
    "FORBIDDEN",
    "BAD_USER_INPUT",
    "LIMIT_EXCEEDED",
    "NOT_FOUND",
    "QUERY_TIMEOUT",
    "GRAPH_UNAVAILABLE",
    "NOT_AVAILABLE",
    "RATE_LIMITED",
    "BUSY",
    "QUOTA_EXCEEDED",
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


class SizedLRU:
    """A thread-safe LRU bounded by entry count and by the total weight (the query texts' length), so
    a few huge texts cannot hold memory that a thousand small ones would not."""

    def __init__(self, max_entries: int, max_weight: int) -> None:
        self.max_entries, self.max_weight = max_entries, max_weight
        self._items: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is None:
                return None
            self._items.move_to_end(key)
            return hit[0]

    def put(self, key: Any, value: Any, weight: int) -> None:
        if weight > self.max_weight:
            return  # larger than the whole cache: not kept
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._weight -= old[1]
            self._items[key] = (value, weight)
            self._weight += weight
            while len(self._items) > self.max_entries or self._weight > self.max_weight:
                _, (_, dropped) = self._items.popitem(last=False)
                self._weight -= dropped

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._weight = 0

    @property
    def weight(self) -> int:
        return self._weight

    def __len__(self) -> int:
        return len(self._items)


def check_text(query: str, settings: Settings) -> None:
    """Refuse a query text longer than `api_max_query_chars` (before it is parsed)."""
    if len(query) > settings.api_max_query_chars:
        raise api_error(
            "LIMIT_EXCEEDED",
            f"The query text has {len(query)} characters; the limit is {settings.api_max_query_chars}. "
            "Send values as variables and ask for fewer fields.",
            max_query_chars=settings.api_max_query_chars,
        )


def selection_errors(document: Any, settings: Settings) -> list[GraphQLError]:
    """[a LIMIT_EXCEEDED error] when the document selects more than `api_max_fields` fields
    (fragments expanded) or nests deeper than :data:`api.cost.MAX_NESTING`, else []."""
    visited, deepest = count_selections(document, settings.api_max_fields)
    if visited > settings.api_max_fields:
        return [
            api_error(
                "LIMIT_EXCEEDED",
                f"The operation selects more than {settings.api_max_fields} fields (fragments expanded); "
                "ask for fewer fields or split it into several requests.",
                max_fields=settings.api_max_fields,
            )
        ]
    if deepest > MAX_NESTING:
        return [api_error("LIMIT_EXCEEDED", f"Selections nest deeper than {MAX_NESTING} levels.")]
    return []


class DocumentCache(SchemaExtension):
    """Parse and validate each distinct query text once; the size, depth and alias limits are checked here.

    One extension instead of four (parser cache, depth limiter, alias limiter, validation cache): every
    Strawberry extension costs hook set-up on every request, and the limiters used to build their rule
    classes per request. Both caches are :class:`SizedLRU`s keyed by (schema, query text), bounded by
    entries and by the total length of the texts they hold — strings hash in O(1), unlike the AST
    Strawberry's own ValidationCache hashes per request. A text over `api_max_query_chars` is refused
    before parsing; the selections are counted before validation (whose overlap check is quadratic in
    duplicate fields). A refused text stays refused (its errors are cached too).
    """

    MAXSIZE: ClassVar[int] = 1024
    MAX_CHARS: ClassVar[int] = 2_000_000
    _documents: ClassVar[SizedLRU] = SizedLRU(MAXSIZE, MAX_CHARS)
    _validated: ClassVar[SizedLRU] = SizedLRU(MAXSIZE, MAX_CHARS)

    def __init__(self, settings: Settings, rules: tuple[Any, ...] = ()) -> None:
        super().__init__()
        self.settings = settings
        self.rules = rules

    @classmethod
    def document(cls, schema: Any, query: str) -> Any | None:
        return cls._documents.get((schema, query))

    @classmethod
    def remember_document(cls, schema: Any, query: str, document: Any) -> None:
        cls._documents.put((schema, query), document, len(query))

    @classmethod
    def validated(cls, schema: Any, query: str) -> Any | None:
        """The parsed document of a query text already validated without errors, else None."""
        key = (schema, query)
        errors = cls._validated.get(key)
        if errors is None or errors:
            return None
        return cls._documents.get(key)

    def on_parse(self) -> Iterator[None]:
        ec = self.execution_context
        query = ec.query or ""
        check_text(query, self.settings)
        cached = self.document(ec.schema, query)
        if cached is not None and ec.graphql_document is None:
            ec.graphql_document = cached
        yield
        if cached is None and query and ec.graphql_document is not None:
            self.remember_document(ec.schema, query, ec.graphql_document)

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        if ec.query and ec.graphql_document is not None and ec.pre_execution_errors is None:
            key = (ec.schema, ec.query)
            errors = self._validated.get(key)
            if errors is None:
                from strawberry.schema.schema import validate_document

                errors = selection_errors(ec.graphql_document, self.settings)
                if not errors:
                    rules = (*ec.validation_rules, *self.rules)
                    errors = validate_document(ec.schema._schema, ec.graphql_document, rules)
                self._validated.put(key, errors, len(ec.query))
            ec.pre_execution_errors = errors
        yield


def extensions(settings: Settings) -> list[Any]:
    """The Strawberry extension enforcing the document-level limits (depth, aliases), with the
    parse/validation caches; the rule classes are built once per schema."""
    rules = (
        depth_validator(settings.max_query_depth, None),
        alias_validator(settings.max_aliases),
    )
    return [lambda: DocumentCache(settings, rules)]
