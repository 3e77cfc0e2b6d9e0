"""The API's handle on Neo4j: opened lazily, never cached dead, errors mapped to typed GraphQL errors.

Resolvers read through the neo4j *async* driver on the event loop itself: no thread hand-off per
query (two thread wake-ups and GIL hand-overs, ≈0.2-0.3 ms a request), and the two searches of
`search` overlap on one thread instead of contending for the GIL. Writes (mutations) and the
/readyz ping go through the synchronous :class:`graph.db.Database`, in a worker thread.

The app opens the driver once in its lifespan; if Neo4j is down at start or goes away later, the
next request tries to reconnect, so the API recovers without a restart. Reads are auto-commit
queries without driver retries: a request fails fast with a typed error instead of waiting out the
driver's 30 s retry window when Neo4j is down.
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

from api.config import Settings
from api.limits import api_error
from graph.catalog import catalog
from graph.db import Database, GraphUnavailableError, auth_refused_message, driver_options, quiet_params


class GraphAccess:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._db: Database | None = None
        self._lock = threading.Lock()
        self._async: tuple[asyncio.AbstractEventLoop, neo4j.AsyncDriver] | None = None
        self.last_error: str = ""

    # ---- synchronous side: writes, the readiness ping, tools
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

    @staticmethod
    def _read_once(db: Database, name: str, timeout: float, params: dict[str, Any]) -> list[dict[str, Any]]:
        """One auto-commit read, no driver retries (see the module docstring)."""
        query = neo4j.Query(db.catalog.get(name).text, timeout=timeout)
        with db.driver.session(database=db.database, default_access_mode=neo4j.READ_ACCESS) as session:
            return [dict(r) for r in session.run(query, quiet_params(params))]

    def _call(
        self, mode: str, name: str, timeout: float | None, params: dict[str, Any]
    ) -> list[dict[str, Any]]:
        t = timeout or self.settings.api_query_timeout_s
        try:
            db = self.database()
            if mode == "read":
                return self._read_once(db, name, t, params)
            return db.write(name, timeout=t, **params)
        except GraphUnavailableError as exc:
            raise api_error("GRAPH_UNAVAILABLE", str(exc)) from exc
        except (Neo4jError, DriverError, OSError) as exc:
            error, broken = self._typed(exc, t)
            if broken:
                self.reset()
            raise error from exc

    # ---- asynchronous side: every resolver read
    async def read(self, name: str, /, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        """Rows of one catalog read query, as the records' own values (`dict(record)`).

        Not `record.data()`: the API's queries return map projections and scalars, never nodes,
        relationships or paths, so the deep copy `data()` makes to turn graph objects into dicts
        would only copy (≈1 ms on a link chart). The API integration tests check that no query
        breaks this contract."""
        t = timeout or self.settings.api_query_timeout_s
        driver = self._async_driver()
        try:
            return await self._read_async(driver, name, t, params)
        except (Neo4jError, DriverError, OSError) as exc:
            error, broken = self._typed(exc, t)
            if broken:
                await self._drop_async(driver)
                self.reset()
            raise error from exc

    async def _read_async(
        self, driver: neo4j.AsyncDriver, name: str, timeout: float, params: dict[str, Any]
    ) -> list[dict[str, Any]]:
        query = neo4j.Query(catalog().get(name).text, timeout=timeout)
        async with driver.session(
            database=self.settings.neo4j_database, default_access_mode=neo4j.READ_ACCESS
        ) as session:
            result = await session.run(query, quiet_params(params))
            return [dict(r) async for r in result]

    def _async_driver(self) -> neo4j.AsyncDriver:
        """The async driver of the running event loop (an async driver belongs to one loop: a new
        loop — a test client's, a restarted server's — gets its own, and the old one is closed)."""
        loop = asyncio.get_running_loop()
        current = self._async
        if current is not None and current[0] is loop:
            return current[1]
        s = self.settings
        driver = neo4j.AsyncGraphDatabase.driver(s.uri, **driver_options(s))
        self._async = (loop, driver)
        if current is not None and current[0].is_running():  # close it on its own loop
            asyncio.run_coroutine_threadsafe(current[1].close(), current[0])
        return driver  # (a driver of a loop that has stopped is left to the garbage collector)

    async def _drop_async(self, driver: neo4j.AsyncDriver) -> None:
        """Forget a driver whose server went away; the next read opens a fresh one."""
        if self._async is not None and self._async[1] is driver:
            self._async = None
        try:
            await driver.close()
        except Exception:  # pragma: no cover - closing a broken driver
            pass

    async def aclose(self) -> None:
        """Close the async driver (the app's lifespan calls this on the loop that used it)."""
        current, self._async = self._async, None
        if current is not None:
            await current[1].close()

    # ---- errors
    def _typed(self, exc: Exception, timeout: float) -> tuple[GraphQLError, bool]:
        """(the typed GraphQL error for a driver exception, whether the connection is broken)."""
        s = self.settings
        if isinstance(exc, AuthError):
            return api_error("GRAPH_UNAVAILABLE", auth_refused_message(s)), True
        if isinstance(exc, ServiceUnavailable | SessionExpired | OSError):
            return api_error(
                "GRAPH_UNAVAILABLE",
                f"Neo4j at {s.uri} is not reachable ({type(exc).__name__}); "
                "retry when `lantern neo4j status` says it is running.",
            ), True
        if isinstance(exc, ClientError):
            code, message = exc.code or "", exc.message or ""
            if "TransactionTimedOut" in code or "Transaction.Terminated" in code:
                return api_error(
                    "QUERY_TIMEOUT",
                    f"The query ran longer than the server-side limit of {timeout:g} s and was stopped; "
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
        if "TransactionTimedOut" in (getattr(exc, "code", "") or ""):
            return api_error("QUERY_TIMEOUT", "The query ran longer than the server-side limit."), False
        return api_error("GRAPH_UNAVAILABLE", f"Neo4j error: {exc}"), True
