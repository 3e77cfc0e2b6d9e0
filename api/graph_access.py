"""The API's handle on Neo4j: opened lazily, never cached dead, errors mapped to typed GraphQL errors.

Resolvers read through the neo4j *async* driver on the event loop itself: no thread hand-off per
query (two thread wake-ups and GIL hand-overs, ≈0.2-0.3 ms a request), and the two searches of
`search` overlap on one thread instead of contending for the GIL. Writes (mutations) go through the
synchronous :class:`graph.db.Database` (the stage modules' code), in a worker thread, under a
watchdog: :meth:`GraphAccess.run_blocking`.

The app opens the driver once in its lifespan; if Neo4j is down at start or goes away later, the
next request tries to reconnect, so the API recovers without a restart. Reads are auto-commit
queries without driver retries: a request fails fast with a typed error instead of waiting out the
driver's 30 s retry window when Neo4j is down.

A frozen Neo4j (SIGSTOP, a stalled VM) accepts TCP connections and then never answers; the Python
driver has no client-side read timeout on an open connection, so every read runs under an asyncio
deadline (`api_graph_wait_s`, /readyz: `api_ready_timeout_s`) and answers GRAPH_UNAVAILABLE when it
passes. The driver closes the connection of a cancelled read; the driver itself is kept (a deadline
passed while waiting for a busy pool must not break the other reads), so once Neo4j answers again the
next read simply works. Each event loop has its own async driver (the main loop, the heavy lane's).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

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
from api.meter import charge
from graph.catalog import catalog
from graph.db import (
    Database,
    GraphConnectionLostError,
    GraphUnavailableError,
    auth_refused_message,
    driver_options,
    quiet_params,
)

T = TypeVar("T")
log = logging.getLogger("lantern.api")


class GraphAccess:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._db: Database | None = None
        self._lock = threading.Lock()
        self._async: dict[asyncio.AbstractEventLoop, neo4j.AsyncDriver] = {}
        self._budgets: dict[asyncio.AbstractEventLoop, tuple[int, asyncio.Semaphore]] = {}
        self._stalls = 0
        """Reads that passed their deadline so far (a read queued behind a budget checks it)."""
        self._abandoned: set[asyncio.Future[Any]] = set()
        self.last_error: str = ""

    def limit_loop(self, loop: asyncio.AbstractEventLoop, connections: int) -> None:
        """At most `connections` reads of `loop` at once, on a driver with a pool of that size (the
        heavy lane's budget); further reads queue on the loop, before their deadline starts."""
        n = max(1, connections)
        self._budgets[loop] = (n, asyncio.Semaphore(n))

    # ---- synchronous side: writes, the readiness ping, tools
    def database(self) -> Database:
        """The synchronous driver, opened on first use. The lock is not held while connecting (up to
        `neo4j_connection_timeout_s`, longer against a frozen server): the event loop takes it to
        abandon a stuck driver and must never wait for a connection attempt of a worker thread."""
        with self._lock:
            if self._db is not None:
                return self._db
        try:
            db = Database.connect(self.settings)
            self.last_error = ""
        except GraphUnavailableError as exc:
            self.last_error = str(exc)
            raise
        with self._lock:
            if self._db is None:
                self._db = db
                return db
            kept = self._db  # another thread connected meanwhile: keep one driver
        db.close()
        return kept

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

    def abandoned_work(self) -> int:
        """Writes given up on (GRAPH_UNAVAILABLE answered) whose worker thread has not ended yet. Their
        driver is abandoned, so they can only fail; each logs one line when it ends."""
        return len(self._abandoned)

    def _forget_when_done(self, task: asyncio.Future[Any], what: str) -> None:
        self._abandoned.add(task)

        def ended(t: asyncio.Future[Any]) -> None:
            self._abandoned.discard(t)
            exc = None if t.cancelled() else t.exception()
            outcome = "finished after all: what it wrote is committed" if exc is None else f"ended: {exc}"
            log.warning("%s, given up on while Neo4j did not answer, %s", what, outcome)

        task.add_done_callback(ended)

    def _abandon(self, reason: str) -> None:
        """Drop the synchronous driver without waiting (`Database.abandon`): it opens no new connection
        (the driver's retries against the frozen server raise `reason` instead of running the work again,
        and committing it, after the server resumes), and its close — in a thread of its own — shuts its
        sockets down, so a worker blocked on them gets an error. The next write opens a fresh driver."""
        with self._lock:
            db, self._db = self._db, None
        if db is not None:
            db.abandon(reason)

    async def run_blocking(self, work: Callable[[Database], T], what: str = "The write") -> T:
        """`work(db)` — synchronous driver code, e.g. a stage module's write — in a worker thread, with a
        watchdog: the Python driver has no client-side read timeout, so a frozen Neo4j (SIGSTOP) would
        hold the thread, and the request, until the server resumes. While the work runs, Neo4j is pinged
        through the async driver every `api_graph_wait_s / 2` seconds (each ping bounded by as much);
        when a ping gets no answer the request answers GRAPH_UNAVAILABLE — within `api_graph_wait_s` of
        the freeze — and the work is abandoned for good: the synchronous driver is abandoned (no new
        connection, its sockets shut down: the transaction in flight is rolled back unless its COMMIT had
        reached Neo4j, and no retry runs it again), and a worker still opening its driver stops before
        the work starts. Long work against a live server (an ingest, an analysis) is never cut: only an
        unanswered ping ends it. Opening the driver happens in the thread too, never on the loop."""
        half = self.settings.api_graph_wait_s / 2
        gave_up: list[str] = []  # set by the loop before it abandons the driver (see `call`)

        def call() -> T:
            db = self.database()
            if gave_up:  # connected after the request answered GRAPH_UNAVAILABLE: never start the work
                raise GraphConnectionLostError(gave_up[0])
            return work(db)

        task = asyncio.ensure_future(asyncio.to_thread(call))
        try:
            while True:
                done, _ = await asyncio.wait({task}, timeout=half)
                if done:
                    return task.result()
                alive, _reason = await self.aping(timeout=half)
                if not alive and not task.done():
                    gave_up.append(f"{what} was abandoned: Neo4j stopped answering while it ran")
                    self._abandon(gave_up[0])
                    self._forget_when_done(task, what)  # nobody awaits it: its end is logged
                    raise api_error(
                        "GRAPH_UNAVAILABLE",
                        f"Neo4j stopped answering (no answer within {half:g} s) while {what.lower()} ran; "
                        "it was abandoned and is rolled back unless its commit had already reached Neo4j "
                        "(it is not retried). Check the result once `lantern neo4j status` says Neo4j "
                        "answers, then retry.",
                    )
        except GraphUnavailableError as exc:
            raise api_error("GRAPH_UNAVAILABLE", str(exc)) from exc
        except (Neo4jError, DriverError, OSError) as exc:
            error, broken = self._typed(exc, self.settings.api_query_timeout_s)
            if broken:
                self._abandon(f"{what} failed: {type(exc).__name__}")
            raise error from exc

    def ping(self) -> tuple[bool, str]:
        """(reachable, reason) through the synchronous driver: the app's start-up check (/readyz: `aping`)."""
        try:
            self.read_sync("platform/ping", timeout=5.0)
            return True, "ok"
        except Exception as exc:
            return False, getattr(exc, "message", None) or str(exc)

    async def aping(self, timeout: float) -> tuple[bool, str]:
        """(reachable, reason) for /readyz, within `timeout` seconds; the reason names no address.

        Ready means Neo4j itself answered: the ping's row (`ok` = 1) came back over a connection within
        the deadline. Nothing is cached and no pooled connection counts by its mere existence; an answer
        without the row (a read cut short and handed back empty) is not taken for a ready server."""
        try:
            rows = await self.read("platform/ping", timeout=timeout, wait=timeout)
        except Exception as exc:
            reason = getattr(exc, "message", None) or str(exc)
            return False, reason.replace(self.settings.uri, "the configured address")
        if not rows or rows[0].get("ok") != 1:
            return False, (
                "Neo4j answered the readiness query without its row; retry shortly, and if it persists "
                "check `lantern neo4j status` and `lantern neo4j logs`."
            )
        return True, "ok"

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
    async def read(
        self, name: str, /, timeout: float | None = None, wait: float | None = None, **params: Any
    ) -> list[dict[str, Any]]:
        """Rows of one catalog read query, as the records' own values (`dict(record)`).

        Not `record.data()`: the API's queries return map projections and scalars, never nodes,
        relationships or paths, so the deep copy `data()` makes to turn graph objects into dicts
        would only copy (≈1 ms on a link chart). The API integration tests check that no query
        breaks this contract.

        `timeout` is the server-side limit, `wait` the client-side one (default `api_graph_wait_s`).
        The rows are charged to the running request's row meter (api/meter.py)."""
        budget = self._budgets.get(asyncio.get_running_loop())
        if budget is None:
            rows = await self._read_bounded(name, timeout, wait, params)
        else:
            stalls = self._stalls
            async with budget[1]:
                if self._stalls != stalls:  # a read timed out while this one queued: do not wait again
                    raise api_error(
                        "GRAPH_UNAVAILABLE",
                        "Neo4j stopped answering while this request waited for it. "
                        "Retry shortly; if it persists check `lantern neo4j status`.",
                    )
                rows = await self._read_bounded(name, timeout, wait, params)
        charge(rows)  # the request's row meter (api/meter.py)
        return rows

    async def _read_bounded(
        self, name: str, timeout: float | None, wait: float | None, params: dict[str, Any]
    ) -> list[dict[str, Any]]:
        t = timeout or self.settings.api_query_timeout_s
        deadline = wait or self.settings.api_graph_wait_s
        driver = self._async_driver()
        try:
            return await asyncio.wait_for(self._read_async(driver, name, t, params), deadline)
        except TimeoutError as exc:  # the cancelled read's connection is closed by the driver
            self._stalls += 1
            raise api_error(
                "GRAPH_UNAVAILABLE",
                f"Neo4j did not answer within {deadline:g} s; it may be overloaded or stalled. "
                "Retry shortly; if it persists check `lantern neo4j status`.",
            ) from exc
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
        """The async driver of the running event loop (an async driver belongs to one loop: each
        loop — the server's, the heavy lane's, a test client's — gets its own; drivers of loops that
        have stopped are forgotten, and closed if their loop still runs)."""
        loop = asyncio.get_running_loop()
        driver = self._async.get(loop)
        if driver is not None:
            return driver
        for other in list(self._async):
            if other.is_closed() or not other.is_running():
                del self._async[other]  # (a driver of a loop that has stopped is left to the GC)
        for other in list(self._budgets):
            if other.is_closed():
                del self._budgets[other]
        s = self.settings
        options = driver_options(s)
        if loop in self._budgets:
            options["max_connection_pool_size"] = self._budgets[loop][0]
        driver = neo4j.AsyncGraphDatabase.driver(s.uri, **options)
        self._async[loop] = driver
        return driver

    def _forget(self, driver: neo4j.AsyncDriver) -> None:
        for loop, known in list(self._async.items()):
            if known is driver:
                del self._async[loop]

    async def _drop_async(self, driver: neo4j.AsyncDriver) -> None:
        """Forget a driver whose server went away; the next read opens a fresh one."""
        self._forget(driver)
        try:
            await asyncio.wait_for(driver.close(), self.settings.api_ready_timeout_s)
        except Exception:  # pragma: no cover - closing a broken driver
            pass

    async def aclose(self) -> None:
        """Close the running loop's async driver (the app's lifespan calls this on each loop)."""
        driver = self._async.pop(asyncio.get_running_loop(), None)
        if driver is not None:
            await driver.close()

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
