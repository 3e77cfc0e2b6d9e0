"""The FastAPI app: GraphQL (GraphiQL in a browser) at /graphql, /healthz, /readyz.

No Swagger UI, ReDoc or /openapi.json: the API is GraphQL (its schema is introspectable with a key),
and Swagger UI would load scripts from a CDN on the origin where /explore and GraphiQL keep the API
key. /readyz says ready/unavailable and why, never where Neo4j is. Request limits, rate limits and
security headers: api/guard.py (docs/design/api-limits.md).

`create_app(settings)` is the factory (`lantern serve` and the tests use it). The Neo4j driver is
opened once in the lifespan; when Neo4j is down the app still starts, /readyz answers 503 with the
reason, and the next request reconnects, so no restart is needed when Neo4j is back.
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import util as importlib_util

from fastapi import FastAPI, HTTPException, WebSocketException
from fastapi.responses import JSONResponse
from starlette.requests import HTTPConnection

from api.audit_log import AuditWriter
from api.auth import KeyCache
from api.config import Settings, get_settings
from api.fast_graphql import GraphQLFastPath
from api.graph_access import GraphAccess
from api.graphql.context import AppState, LanternContext
from api.graphql.schema import build_schema
from api.guard import RequestGuard
from api.pages import LocalGraphiQLRouter
from api.pages import router as pages_router
from api.state import StateStore
from graph.privacy import ROLE_SCOPES
from graph.privacy import configure as configure_masking

log = logging.getLogger("lantern.api")


def _context_getter(state: AppState):
    async def get_context(request: HTTPConnection) -> LanternContext | None:
        # HTTPConnection: plain requests and the WebSocket of subscriptions (`alertRaised`) alike
        principal = state.keys.authenticate(request.headers.get("authorization"))
        if principal is None:
            if request.scope["type"] == "websocket":
                raise WebSocketException(code=1008, reason="Missing or invalid API key (Authorization).")
            if request.scope.get("method") == "GET" and "query" not in request.query_params:
                return None  # the GraphiQL page itself reveals nothing; every operation needs a key
            raise HTTPException(
                status_code=401,
                detail="Missing or invalid API key: send `Authorization: Bearer <key>` "
                "(create one with `lantern keys create --role investigator --name you`).",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if request.scope["type"] == "websocket" and ROLE_SCOPES.get(principal.role.value) is not None:
            raise WebSocketException(code=1008, reason="This key may only screen (no subscriptions).")
        return LanternContext(state, principal)

    return get_context


def _warn_outdated_search_index(graph: GraphAccess) -> None:
    """`search` reads the full-text index: one created by an older Lantern is said at start-up (the API
    keeps serving; `lantern schema apply` rebuilds it)."""
    from ontology.schema import outdated_fulltext_warnings

    try:
        warnings = outdated_fulltext_warnings(graph.database())
    except Exception as exc:  # a start-up check must not stop the API
        log.warning("could not compare the full-text indexes with the ontology: %s", exc)
        return
    for warning in warnings:
        log.warning(warning)


def create_app(settings: Settings | None = None) -> FastAPI:
    s = settings or get_settings()
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    store = StateStore.open(s.state_path)
    configure_masking(store.secret)
    audit = AuditWriter(store)
    atexit.register(audit.close)  # rows queued when the process exits without a lifespan shutdown
    state = AppState(settings=s, graph=GraphAccess(s), store=store, keys=KeyCache(store), audit=audit)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        ok, reason = state.graph.ping()
        if not ok:
            log.warning("Neo4j not reachable at start (%s); will retry on each request.", reason)
        else:
            _warn_outdated_search_index(state.graph)
        yield
        if state.lane is not None:
            try:
                state.lane.run_sync(state.graph.aclose, timeout=5)
            except Exception:  # pragma: no cover - a driver that cannot close in time
                pass
            state.lane.stop()
        state.audit.close()  # every queued audit row is written before the app stops
        await state.graph.aclose()
        state.graph.close()

    # no Swagger UI / ReDoc / openapi.json: they load from a CDN and describe only /healthz and /readyz
    app = FastAPI(
        title="Lantern API",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.lantern = state
    schema = build_schema(s)
    app.include_router(
        LocalGraphiQLRouter(schema, context_getter=_context_getter(state), graphql_ide="graphiql"),
        prefix="/graphql",
    )
    if s.api_fast_path:  # POST /graphql with JSON and a valid key skips the router (same response)
        app.add_middleware(GraphQLFastPath, schema=schema, state=state)
    app.add_middleware(RequestGuard, schema=schema, state=state)  # outermost: added last

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        ok, reason = await state.graph.aping(s.api_ready_timeout_s)
        if ok:  # psi: whether PSI requests find the hub's setup built; no count (this route needs no key)
            return JSONResponse({"status": "ready", "psi": state.screening.psi.status()["setup"]})
        return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)

    from api.feeds.scheduler import install as install_feeds
    from api.gdpr_scheduler import install as install_retention
    from api.reports import install as install_reports
    from api.screening import install as install_screening
    from api.watch import install as install_watch

    install_reports(app, state)  # POST /api/reports, the /report form, the moderation queue
    install_screening(app, state)  # partner screening: POST /api/screen, /api/screen/psi, GraphQL `screen`
    install_watch(state)  # watchlists and alerts: every ingest in this process is matched
    install_feeds(state)  # news feeds: status store + the polling scheduler (LANTERN_FEEDS_SCHEDULER)
    install_retention(state)  # GDPR retention rules applied daily (LANTERN_RETENTION_RULES)
    if importlib_util.find_spec("api.explore") is not None:
        from api.explore import router as explore_router

        app.include_router(explore_router)
    app.include_router(pages_router)
    return app
