"""A lean ASGI path for the common request: `POST /graphql` with a JSON body and a valid key.

It calls `schema.execute` directly with the same context, the same extensions (limits, caches,
audit) and the same response shape as Strawberry's FastAPI router, skipping FastAPI's routing and
dependency solving and Strawberry's generic HTTP view (≈0.3-1 ms a request, a third of the API's
overhead over the raw driver). Anything else — GraphiQL and GET queries, other content types, a
missing or wrong key (401), a body that is not a JSON object, batching, an operation Strawberry
refuses before execution (400) — is handed, body intact, to the router, which answers exactly as
before. Nothing has executed at that point, so no resolver runs twice.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import strawberry
from strawberry.exceptions import MissingQueryError
from strawberry.http import process_result
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from api.graphql.context import AppState, LanternContext

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

POST_OPERATIONS = OperationType.from_http("POST")
_REQUEST_KEYS = frozenset({"query", "variables", "operationName", "extensions"})


async def _read_body(receive: Receive) -> tuple[bytes, list[Message]]:
    """The whole request body, and the messages read (to replay them to the router)."""
    chunks: list[bytes] = []
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":  # client went away: let the router see it
            return b"", messages
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks), messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay


def _request_data(body: bytes) -> tuple[str, dict[str, Any] | None, str | None, dict[str, Any] | None] | None:
    """(query, variables, operationName, extensions) of a plain single-operation request, else None."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict) or not data.keys() <= _REQUEST_KEYS:
        return None
    query, variables = data.get("query"), data.get("variables")
    operation, extensions = data.get("operationName"), data.get("extensions")
    if not isinstance(query, str) or not query:
        return None
    if not isinstance(variables, dict | None) or not isinstance(operation, str | None):
        return None
    if not isinstance(extensions, dict | None):
        return None
    return query, variables, operation, extensions


class GraphQLFastPath:
    """ASGI middleware in front of the FastAPI app (see the module docstring)."""

    def __init__(self, app: ASGIApp, schema: strawberry.Schema, state: AppState, path: str = "/graphql"):
        self.app = app
        self.schema = schema
        self.state = state
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        content_type = headers.get(b"content-type", b"").split(b";", 1)[0].strip().lower()
        authorization = headers.get(b"authorization")
        principal = self.state.keys.authenticate(authorization.decode("latin-1")) if authorization else None
        if content_type != b"application/json" or principal is None:
            await self.app(scope, receive, send)  # the router answers (401 with its message, 415, ...)
            return
        body, messages = await _read_body(receive)
        request = _request_data(body)
        if request is None:
            await self.app(scope, _replay(messages, receive), send)
            return
        query, variables, operation, extensions = request
        try:
            result = await self.schema.execute(
                query,
                variable_values=variables,
                context_value=LanternContext(self.state, principal),
                operation_name=operation,
                allowed_operation_types=POST_OPERATIONS,
                operation_extensions=extensions,
            )
        except (MissingQueryError, CannotGetOperationTypeError, InvalidOperationTypeError):
            await self.app(scope, _replay(messages, receive), send)  # refused before execution: 400
            return
        payload = json.dumps(process_result(result), separators=(",", ":")).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-length", str(len(payload)).encode()),
                    (b"content-type", b"application/json"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})
