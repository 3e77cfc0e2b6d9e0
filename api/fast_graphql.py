"""A lean ASGI path for the common request: `POST /graphql` with a JSON body and a valid key.

Optimisation record (docs/design/api-performance.md):
* rule it keeps: the same response, audit row and refusals as Strawberry's router — anything it does
  not handle exactly goes to the router untouched;
* guarded by: tests/unit/test_api_fast_path.py (both paths answer alike, refused texts never skip the
  pipeline), tests/integration/test_api_roles.py (a repeated query is audited like the first);
* figure: p50 latency 11-24 % lower than with the switch off, A/A spread of the same run ≤ 12 %
  (`python -m bench.run --quick --only api_switches`, two runs, 2026-12-07);
* switch: `LANTERN_API_FAST_PATH=0` (api.config.Settings.api_fast_path) leaves every request to the router.

It executes with the same context, the same extensions (limits, caches, audit) and the same
response shape as Strawberry's FastAPI router, skipping FastAPI's routing and dependency solving
and Strawberry's generic HTTP view (≈0.3-1 ms a request). A query text the schema has already
parsed and validated without errors — depth and alias limits included — is executed straight with
graphql-core and audited by the same function as the audit extension, skipping Strawberry's
per-request pipeline set-up as well (≈0.2-0.3 ms); its first request, and any text that was
refused, goes through the whole pipeline. Responses are serialised with orjson.

Anything else — GraphiQL and GET queries, other content types, a missing or wrong key (401), a
body that is not a JSON object, batching, an operation Strawberry refuses before execution (400) —
is handed, body intact, to the router, which answers exactly as before. Nothing has executed at
that point, so no resolver runs twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from inspect import isawaitable
from typing import Any

import orjson
import strawberry
from graphql import execute as graphql_execute
from strawberry.exceptions import MissingQueryError
from strawberry.execution import optimized_is_awaitable
from strawberry.http import process_result
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType
from strawberry.utils.operation import get_first_operation, get_operation_type

from api.graphql.context import AppState, LanternContext
from api.graphql.schema import record_disclosures
from api.limits import DocumentCache

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
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
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
        context = LanternContext(self.state, principal)
        try:
            result = await self.execute_validated(query, variables, operation, extensions, context)
            if result is None:  # a text not seen before (or refused): Strawberry's whole pipeline
                result = await self.schema.execute(
                    query,
                    variable_values=variables,
                    context_value=context,
                    operation_name=operation,
                    allowed_operation_types=POST_OPERATIONS,
                    operation_extensions=extensions,
                )
        except (MissingQueryError, CannotGetOperationTypeError, InvalidOperationTypeError):
            await self.app(scope, _replay(messages, receive), send)  # refused before execution: 400
            return
        payload = orjson.dumps(process_result(result))
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

    async def execute_validated(
        self,
        query: str,
        variables: dict[str, Any] | None,
        operation: str | None,
        extensions: dict[str, Any] | None,
        context: LanternContext,
    ) -> Any | None:
        """Execute a query text the schema has already parsed and validated without errors (depth
        and alias limits included) straight with graphql-core, then write its audit row: what
        Strawberry's pipeline does for such a text, without its per-request set-up (execution
        context, extension runners, hooks), ≈0.1-0.2 ms. None when the text is not known to be
        valid or its operation cannot be picked or is not allowed over POST; the caller then runs
        Strawberry's pipeline, which answers those cases (and caches a valid text for next time)."""
        document = DocumentCache.validated(self.schema, query)
        if document is None:
            return None
        try:
            if get_operation_type(document, operation) not in POST_OPERATIONS:
                return None
        except RuntimeError:  # no such operation, or several without a name
            return None
        name = operation
        if name is None:
            first = get_first_operation(document)
            name = first.name.value if first is not None and first.name is not None else None
        try:
            result = graphql_execute(
                self.schema._schema,
                document,
                context_value=context,
                variable_values=variables,
                operation_name=name,  # as Strawberry: no name given runs the first operation
                is_awaitable=optimized_is_awaitable,  # type: ignore[arg-type]
                executor_class=self.schema.execution_context_class,  # the schema's, as Strawberry passes it
                operation_extensions=extensions,
            )
            if isawaitable(result):
                result = await result
        finally:
            record_disclosures(context, document, name)  # also when a resolver failed part-way
        if result.errors:
            self.schema._process_errors(result.errors)  # logged as Strawberry logs them
        return result
