"""How GraphQL errors leave the API: short messages, an error id, one log line each.

* Every message is cut to :data:`MAX_MESSAGE_CHARS` (graphql-core and Neo4j echo the offending value:
  a 1 MB argument must not come back, nor go to the log, a megabyte at a time).
* Every error gets `extensions.errorId`, also in its log line, so a user's report finds the line. The
  id is a digest of the error's code, path and message, not a random number: two requests that get the
  same answer get byte-identical responses, so an id never tells a known raw id from an unknown one
  (tests/security/test_oracles.py).
* The values graphql-core echoes from the request (an invalid variable, a literal of the wrong type)
  are replaced by "(value not repeated)", in the response and so in the log: a partner's screening
  input must not reach a log line because it was sent as a number, and an echo is no place for a
  personal value either (the error's path still says which input).
* One WARNING line per error (code, path, id, message); the traceback of an unexpected exception is
  logged at DEBUG only (`LOG_LEVEL=DEBUG` to see it), not once per failed request at ERROR.
"""

from __future__ import annotations

import hashlib
import logging
import re
from typing import Any

import strawberry
from graphql import GraphQLError

log = logging.getLogger("lantern.api.errors")
MAX_MESSAGE_CHARS = 500


def shorten(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """`text` cut to `limit` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit} more characters not shown]"


def prepare(error: GraphQLError) -> str:
    """Shorten the message and give the error an id (kept if it already has one); returns the id."""
    error.message = shorten(without_echo(error.message))
    extensions = dict(error.extensions or {})
    code = extensions.get("code", "-")
    path = ".".join(str(p) for p in error.path or ())
    digest = hashlib.sha256(f"{code}|{path}|{error.message}".encode("utf-8", "replace")).hexdigest()[:12]
    error_id = extensions.get("errorId") or digest
    extensions["errorId"] = error_id
    error.extensions = extensions
    return str(error_id)


_HIDDEN = "(value not repeated)"
_ECHOES = (
    (re.compile(r"got invalid value .*? at '", re.S), f"got invalid value {_HIDDEN} at '"),
    (re.compile(r"got invalid value (?!\(value not repeated\)).*?;", re.S), f"got invalid value {_HIDDEN};"),
    (re.compile(r"(cannot represent (?:a non[\w ]*|an? [\w ]*)?value)[:;] .*", re.S), rf"\1: {_HIDDEN}"),
    (re.compile(r"(Expected value of type '[^']+'[^,]*, found):? .*", re.S), rf"\1 {_HIDDEN}."),
)


def without_echo(message: str) -> str:
    """The message without the request values graphql-core quotes in coercion errors."""
    for pattern, replacement in _ECHOES:
        message = pattern.sub(replacement, message)
    return message


def log_error(error: GraphQLError) -> None:
    error_id = prepare(error)
    code = (error.extensions or {}).get("code", "-")
    path = ".".join(str(p) for p in error.path or ()) or "-"
    original = error.original_error
    unexpected = original is not None and not isinstance(original, GraphQLError)
    log.warning("GraphQL error %s code=%s path=%s: %s", error_id, code, path, error.message)
    if unexpected and log.isEnabledFor(logging.DEBUG):
        log.debug("traceback of GraphQL error %s", error_id, exc_info=original)


class LanternSchema(strawberry.Schema):
    """Strawberry's schema with :func:`log_error` instead of a full traceback per error."""

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        for error in errors:
            log_error(error)
