"""The outermost ASGI middleware: what every request passes before the app sees it.

* security headers on every response (a CSP allowing only the API's own origin — GraphiQL's assets
  are vendored, api/graphiql.py —, frame refusal, nosniff, no referrer);
* request bodies over `api_max_body_bytes` → 413 (Content-Length checked first, the stream counted);
* for GraphQL operations (`POST /graphql` with JSON, `GET /graphql?query=`): per-key rate limit
  (`api_rate_limit`, the `limits` library's moving window) and per-key in-flight cap
  (`api_max_concurrent_per_key`) → 429 with `Retry-After`; the query text's length and tokens, its
  selection count and its estimated cost against the caller's role budget → 400 with a GraphQL error
  (`LIMIT_EXCEEDED`), all before validation or execution; an operation at or above `api_heavy_cost`
  executes in the heavy lane (api/lane.py);
* the rows the operation's resolvers actually read are metered (api/meter.py), sent back as
  `X-Lantern-Rows` and charged to the key's row budget (`api_row_budget`); a key whose budget is used
  up gets 429 `RATE_LIMITED` until its window frees.

Requests without a valid key are rate-limited by client address and then left to the router (401).
"""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import orjson
import strawberry
from graphql import GraphQLError, parse
from limits import parse as parse_rate
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter, SlidingWindowCounterRateLimiter

from api.graphql.context import AppState
from api.limits import api_error
from api.meter import METER, RowMeter
from api.request_checks import check_operation, graphql_request
from api.screening.refusals import audit_refusal
from graph.privacy import PARTNER_ROUTES, ROLE_SCOPES, route_allowed

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


async def _json(send: Send, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]]) -> None:
    payload = orjson.dumps(body)
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": head + headers})
    await send({"type": "http.response.body", "body": payload})


def _gql_error(error: GraphQLError) -> dict[str, Any]:
    from api.errors import prepare

    prepare(error)
    return {"data": None, "errors": [error.formatted]}


class RequestGuard:
    def __init__(self, app: ASGIApp, schema: strawberry.Schema, state: AppState, path: str = "/graphql"):
        from api.lane import HeavyLane

        self.app, self.schema, self.state, self.path = app, schema, state, path
        s = state.settings
        self.settings = s
        self.rate = parse_rate(s.api_rate_limit)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())
        self.row_rate = parse_rate(s.api_row_budget)
        self.row_limiter = SlidingWindowCounterRateLimiter(MemoryStorage())  # O(1) per charge
        self.in_flight: dict[str, int] = {}
        budget = s.api_heavy_connections
        self.lane = HeavyLane(
            s.api_heavy_concurrency, on_start=lambda loop: state.graph.limit_loop(loop, budget)
        )
        state.lane = self.lane

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, method = scope["path"], scope["method"]
        extra = [*SECURITY_HEADERS, (b"content-security-policy", CSP.encode())]

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in names)]
            await send(message)

        body, messages = b"", list[Message]()
        if method in ("POST", "PUT", "PATCH"):
            read = await self._read_body(scope, receive)
            if read is None:
                limit = self.settings.api_max_body_bytes
                await _json(send_secure, 413, {"detail": f"Request body over {limit} bytes."}, [])
                return
            body, messages = read
            receive = _replay(messages, receive)
        if path != self.path and await self._refuse_out_of_scope(scope, send_secure):
            return
        if path != self.path or method not in ("GET", "POST"):
            await self.app(scope, receive, send_secure)
            return
        request = graphql_request(scope, body)
        if request is None and method == "GET":  # GraphiQL's page
            await self.app(scope, receive, send_secure)
            return
        headers = dict(scope["headers"])
        authorization = headers.get(b"authorization")
        principal = self.state.keys.authenticate(authorization.decode("latin-1")) if authorization else None
        client = scope.get("client") or ("?", 0)
        who = f"key:{principal.key_name}" if principal else f"addr:{client[0]}"
        if not self.limiter.hit(self.rate, who):
            reset = self.limiter.get_window_stats(self.rate, who).reset_time
            wait = max(1, math.ceil(reset - time.time()))
            error = GraphQLError(
                f"Rate limit of {self.settings.api_rate_limit} requests exceeded; retry in {wait} s.",
                extensions={"code": "RATE_LIMITED", "retryAfter": wait},
            )
            await _json(send_secure, 429, _gql_error(error), [(b"retry-after", str(wait).encode())])
            return
        if principal is None:
            await self.app(scope, receive, send_secure)  # 401 from the router
            return
        rows_left = self.row_limiter.get_window_stats(self.row_rate, who)
        if rows_left.remaining <= 0:
            wait = max(1, math.ceil(rows_left.reset_time - time.time()))
            error = GraphQLError(
                f"This key has read its budget of {self.settings.api_row_budget} rows from the graph; "
                f"retry in {wait} s, or ask for less (smaller limit, depth or evidence pages).",
                extensions={
                    "code": "RATE_LIMITED",
                    "retryAfter": wait,
                    "rowBudget": self.settings.api_row_budget,
                },
            )
            await _json(send_secure, 429, _gql_error(error), [(b"retry-after", str(wait).encode())])
            return
        if self.in_flight.get(who, 0) >= self.settings.api_max_concurrent_per_key:
            cap = self.settings.api_max_concurrent_per_key
            error = GraphQLError(
                f"This key already has {cap} requests running; wait for one to finish.",
                extensions={"code": "RATE_LIMITED", "maxConcurrent": cap},
            )
            await _json(send_secure, 429, _gql_error(error), [(b"retry-after", b"1")])
            return
        if ROLE_SCOPES.get(principal.role.value) is not None:  # a partner key: only its scoped fields
            scoped = (
                self._scope_refusal(principal.role, request[0], request[2])
                if request and method == "POST"
                else api_error(
                    "FORBIDDEN",
                    "A scoped key sends one GraphQL operation as a JSON POST body (`screen`); nothing else "
                    "is read — a GET would put the identifiers into the URL, which access logs keep.",
                )
            )
            if scoped is not None:
                posted = request and method == "POST"
                why = "GraphQL root field outside the scope" if posted else "request form"
                audit_refusal(self.state.audit, principal, 403, why)
                await _json(send_secure, 403, _gql_error(scoped), [])
                return
        # (a body the router answers itself — not JSON, batching — is limited above, then passed on)
        refusal, cost = (
            check_operation(self.schema, self.settings, principal.role.value, *request)
            if request
            else (None, 0)
        )
        if refusal is not None:
            await _json(send_secure, 400, _gql_error(refusal), [])
            return
        meter = RowMeter()

        async def send_metered(message: Message) -> None:
            if message["type"] == "http.response.start":  # the result is complete: every read is in
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-lantern-rows", str(meter.rows).encode()),
                ]
            await send_secure(message)

        async def metered(r: Receive, s: Send) -> None:  # runs on the loop that executes (lane or main)
            token = METER.set(meter)
            try:
                await self.app(scope, r, s)
            finally:
                METER.reset(token)

        self.in_flight[who] = self.in_flight.get(who, 0) + 1
        try:
            if cost >= self.settings.api_heavy_cost:
                await self.lane.run(metered, receive, send_metered)
            else:
                await metered(receive, send_metered)
        finally:
            self.in_flight[who] -= 1
            if not self.in_flight[who]:
                del self.in_flight[who]
            self._charge(who, meter.rows)

    def _charge(self, who: str, rows: int) -> None:
        """Charge what the request read; a request that read more than is left uses the rest up."""
        left = self.row_limiter.get_window_stats(self.row_rate, who).remaining
        if rows > 0 and left > 0:
            self.row_limiter.hit(self.row_rate, who, cost=min(rows, left))

    async def _refuse_out_of_scope(self, scope: Scope, send: Send) -> bool:
        """403 for a key whose role may not call this path at all (a partner key outside screening)."""
        authorization = dict(scope["headers"]).get(b"authorization")
        if not authorization:
            return False
        principal = self.state.keys.authenticate(authorization.decode("latin-1"))
        if principal is None or route_allowed(principal.role, scope["path"]):
            return False
        allowed = ", ".join(sorted(PARTNER_ROUTES))
        message = (
            f"A {principal.role.value} key may not call {scope['path']}: it sees nothing of the graph "
            f"and may only screen (POST {allowed}, or GraphQL `screen`). See docs/guide/screening.md."
        )
        # the row does not name the path: a path can carry identifiers
        audit_refusal(self.state.audit, principal, 403, "route outside the scope")
        await _json(send, 403, {"error": message, "code": "FORBIDDEN"}, [])
        return True

    def _scope_refusal(self, role: object, query: str, operation: str | None) -> GraphQLError | None:
        """FORBIDDEN for a GraphQL operation selecting a root field outside the role's scope; None when it
        does not parse (the pipeline answers that, and the schema's RoleScopeExtension still applies)."""
        from api.graphql.schema import root_fields, scope_refusal

        try:
            document = parse(query, max_tokens=self.settings.api_max_tokens)
        except (GraphQLError, RecursionError):
            return None
        return scope_refusal(role, root_fields(document, operation))

    async def _read_body(self, scope: Scope, receive: Receive) -> tuple[bytes, list[Message]] | None:
        """(body, messages read) or None when it is over the limit."""
        limit = self.settings.api_max_body_bytes
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            return None
        chunks: list[bytes] = []
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if messages[-1]["type"] == "http.request":
            messages = [{"type": "http.request", "body": body, "more_body": False}]
        return body, messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay
