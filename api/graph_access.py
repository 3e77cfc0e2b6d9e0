"""The API's handle on Neo4j: opened lazily, never cached dead, errors mapped to typed GraphQL errors.

The app opens the driver once in its lifespan; if Neo4j is down at start or goes away later, the
next request tries to reconnect, so the API recovers without a restart.

Resolver reads (`await graph.read(...)`) use Neo4j's async driver on the request's event loop: no
thread-pool hop per query (two thread wake-ups per read cost 1-3 ms on a busy machine — more than
the Python work of a whole request). Writes, /readyz and the CLI keep the sync driver.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import neo4j
from graphql import GraphQLError
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from api.limits import api_error
from graph.catalog import catalog
from graph.config import Settings
from graph.db import Database, GraphUnavailableError


class GraphAccess:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._db: Database | None = None
        self._lock = threading.Lock()
        self.last_error: str = ""
        self._adriver: neo4j.AsyncDriver | None = None
        self._aloop: asyncio.AbstractEventLoop | None = None

    def database(self) -> Database:
        with self._lock:
            if self._db is None:
                try:
                    self._db = Database.connect(self.settings)
                    self.last_error = ""
                except GraphUnavailableError as exc:
                    self.last_error = str(exc)
                    raise
            return self._db

    def reset(self) -> None:
        with self._lock:
            if self._db is not None:
                try:
                    self._db.close()
                except Exception:  # pragma: no cover - closing a broken driver
                    pass
                self._db = None

    def close(self) -> None:
        self.reset()
        self._adriver = self._aloop = None

    async def aclose(self) -> None:
        """Close both drivers (the app's lifespan calls this on shutdown)."""
        driver, self._adriver, self._aloop = self._adriver, None, None
        if driver is not None:
            await driver.close()
        self.reset()

    async def _async_driver(self) -> neo4j.AsyncDriver:
        """The async driver of the running event loop, opened (and checked) on first use."""
        loop = asyncio.get_running_loop()
        if self._adriver is not None and self._aloop is loop:
            return self._adriver
        s = self.settings
        driver = neo4j.AsyncGraphDatabase.driver(
            s.uri, auth=(s.neo4j_user, s.password), max_connection_pool_size=50, connection_timeout=10
        )
        self._adriver, self._aloop = driver, loop  # set before the first await: one driver per loop
        try:
            await driver.verify_connectivity()
            self.last_error = ""
        except AuthError as exc:
            await self._drop_async(driver)
            self.last_error = (
                f"Neo4j at {s.uri} refused user '{s.neo4j_user}': check NEO4J_USER / NEO4J_PASSWORD (.env)."
            )
            raise GraphUnavailableError(self.last_error) from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            await self._drop_async(driver)
            self.last_error = (
                f"Neo4j is not reachable at {s.uri}. Start the local server with `lantern neo4j start` "
                "(or `docker compose up -d neo4j`), or set NEO4J_URI."
            )
            raise GraphUnavailableError(self.last_error) from exc
        return driver

    async def _drop_async(self, driver: neo4j.AsyncDriver) -> None:
        if self._adriver is driver:
            self._adriver = self._aloop = None
        try:
            await driver.close()
        except Exception:  # pragma: no cover - closing a broken driver
            pass

    def ping(self) -> tuple[bool, str]:
        """(reachable, reason) for /readyz."""
        try:
            self.read_sync("platform/ping", timeout=5.0)
            return True, "ok"
        except Exception as exc:
            return False, getattr(exc, "message", None) or str(exc)

    def read_sync(self, name: str, /, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        return self._call("read", name, timeout, params)

    def write_sync(self, name: str, /, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        return self._call("write", name, timeout, params)

    async def read(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """One auto-commit read on the async driver (no driver retries, server-side timeout)."""
        t = self.settings.api_query_timeout_s
        driver: neo4j.AsyncDriver | None = None
        try:
            driver = await self._async_driver()
            query = neo4j.Query(catalog().get(name).text, timeout=t)  # type: ignore[arg-type]
            database = self.settings.neo4j_database
            async with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
                result = await session.run(query, params)
                return [r.data() async for r in result]
        except Exception as exc:
            error, reset = self._translate(exc, t)
            if reset and driver is not None:
                await self._drop_async(driver)
            raise error from exc

    @staticmethod
    def _read_once(db: Database, name: str, timeout: float, params: dict[str, Any]) -> list[dict[str, Any]]:
        """One auto-commit read, no driver retries: an API request fails fast with a typed error
        instead of waiting out the driver's 30 s retry window when Neo4j is down."""
        query = neo4j.Query(db.catalog.get(name).text, timeout=timeout)  # type: ignore[arg-type]
        with db.driver.session(database=db.database, default_access_mode=neo4j.READ_ACCESS) as session:
            return [r.data() for r in session.run(query, params)]

    def _call(
        self, mode: str, name: str, timeout: float | None, params: dict[str, Any]
    ) -> list[dict[str, Any]]:
        t = timeout or self.settings.api_query_timeout_s
        try:
            db = self.database()
            if mode == "read":
                return self._read_once(db, name, t, params)
            return db.write(name, timeout=t, **params)
        except Exception as exc:
            error, reset = self._translate(exc, t)
            if reset:
                self.reset()
            raise error from exc

    def _translate(self, exc: Exception, t: float) -> tuple[GraphQLError, bool]:
        """(typed GraphQL error, whether the driver must be dropped) for an exception of a read/write."""
        if isinstance(exc, GraphQLError):
            return exc, False
        if isinstance(exc, GraphUnavailableError):
            return api_error("GRAPH_UNAVAILABLE", str(exc)), False
        if isinstance(exc, (ServiceUnavailable, SessionExpired, OSError)):
            return api_error(
                "GRAPH_UNAVAILABLE",
                f"Neo4j at {self.settings.uri} is not reachable ({type(exc).__name__}); "
                "retry when `lantern neo4j status` says it is running.",
            ), True
        if isinstance(exc, ClientError):
            code = exc.code or ""
            message = exc.message or ""
            if "TransactionTimedOut" in code or "Transaction.Terminated" in code:
                return api_error(
                    "QUERY_TIMEOUT",
                    f"The query ran longer than the server-side limit of {t:g} s and was stopped; "
                    "narrow it (smaller depth, limit or maxHops).",
                ), False
            if "no such fulltext schema index" in message.lower():
                return api_error(
                    "NOT_AVAILABLE",
                    "The full-text index `entity_search` does not exist yet: run `lantern schema apply`.",
                ), False
            if "fulltext" in message.lower() or "lucene" in message.lower():
                return api_error("BAD_USER_INPUT", f"The search text could not be parsed: {message}"), False
            return api_error("BAD_USER_INPUT", f"Neo4j refused the query: {message}"), False
        if isinstance(exc, (Neo4jError, DriverError)):
            if "TransactionTimedOut" in (getattr(exc, "code", "") or ""):
                return api_error("QUERY_TIMEOUT", "The query ran longer than the server-side limit."), False
            return api_error("GRAPH_UNAVAILABLE", f"Neo4j error: {exc}"), True
        raise exc
