"""One place that opens the Neo4j driver and runs catalog queries.

* the driver is opened once (Rust extension used automatically when `neo4j-rust-ext` is installed),
* connectivity is verified with an error that says what to do,
* the database name is always passed,
* read queries run in read transactions, writes in write transactions (managed, retried),
* only catalog query names are accepted — no Cypher strings from callers.

Unit tests use :class:`FakeRunner`, which records query names, Cypher and parameters.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import neo4j
from neo4j import GraphDatabase
from neo4j import Query as _Query
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from graph.catalog import Catalog, catalog
from graph.config import GraphSettings, get_graph_settings


class Rows(list[Any]):
    """A list parameter that the driver packs like any list but that renders as `<N rows>`.

    The driver formats every statement's parameters for its debug log whether or not debug logging is on
    (neo4j 6.x, Bolt `run`: `" ".join(map(repr, fields))` is built before `log.debug` is called). For
    the rows of a 500-document ingest batch that repr costs ≈ 150 ms of the writing thread (the 9,400
    mention rows alone ≈ 50 ms; measured with a `RETURN size($rows)` statement, bench corpus: 270 ms of
    client CPU to send the batch's seven row lists, 114 ms with `Rows`), and with debug logging on it
    would write the rows' personal data into the log. Packed bytes are identical (the Rust and the Python
    packers both take list subclasses as lists; `tests/unit/test_db_params.py`).
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def quiet_params(params: dict[str, Any]) -> dict[str, Any]:
    """`params` with every list value wrapped in :class:`Rows` (a shallow copy of each list)."""
    return {k: Rows(v) if type(v) is list else v for k, v in params.items()}


class GraphUnavailableError(RuntimeError):
    """Neo4j cannot be reached or refused the credentials; the message says what to do next."""


class GraphConnectionLostError(GraphUnavailableError):
    """Neo4j went away while work was under way (killed, stopped, network gone) and the driver's bounded
    retries (`neo4j_max_retry_s`) did not bring it back. The message says what happened and what to do; a
    caller that knows what was committed says that too (`lantern ingest`). Expected operational
    condition, not a bug: log it as one line, without a traceback."""


def is_connection_lost(exc: BaseException) -> bool:
    """True for the driver errors that mean "the server is gone", as opposed to a failing statement."""
    return isinstance(exc, ServiceUnavailable | SessionExpired | ConnectionError)


def connection_lost(settings: GraphSettings, exc: BaseException) -> GraphConnectionLostError:
    """The typed error for a lost connection, with the driver's one-line reason (no traceback needed)."""
    reason = type(exc).__name__ + (f": {str(exc).splitlines()[0]}" if str(exc) else "")
    return GraphConnectionLostError(
        f"lost the connection to Neo4j at {settings.uri} ({reason}; "
        f"gave up after retrying for {settings.neo4j_max_retry_s:g} s). "
        "Check it with `lantern neo4j status` and start it with `lantern neo4j start`."
    )


class Runner(Protocol):
    def read(self, name: str, **params: Any) -> list[dict[str, Any]]: ...
    def write(self, name: str, **params: Any) -> list[dict[str, Any]]: ...


def driver_options(settings: GraphSettings) -> dict[str, Any]:
    """Keyword arguments for `GraphDatabase.driver` / `AsyncGraphDatabase.driver` (auth, pool, timeouts).

    The catalog's queries name every ontology relationship type; a graph that holds none of one type
    yet (no USES_VEHICLE facts) is normal, so "unrecognized type" notifications are switched off at
    the server.

    Waiting is bounded: opening a connection by `neo4j_connection_timeout_s`, getting one from the pool
    by `neo4j_acquisition_timeout_s`, a transaction by its server-side timeout. The Python driver has
    no client-side read timeout on an open connection (a frozen server that accepted the connection
    never answers), so callers that must answer in time add their own deadline (api/graph_access.py)."""
    return {
        "auth": (settings.neo4j_user, settings.password),
        "max_connection_pool_size": 50,
        "connection_timeout": settings.neo4j_connection_timeout_s,
        "connection_acquisition_timeout": settings.neo4j_acquisition_timeout_s,
        "max_transaction_retry_time": settings.neo4j_max_retry_s,
        "notifications_disabled_classifications": [neo4j.NotificationDisabledClassification.UNRECOGNIZED],
    }


def auth_refused_message(settings: GraphSettings) -> str:
    return (
        f"Neo4j at {settings.uri} refused user '{settings.neo4j_user}': "
        "check NEO4J_USER / NEO4J_PASSWORD (.env)."
    )


class ConnectionGate:
    """The driver's address resolver, used as a switch: open until `shut`, then every new connection the
    driver tries to open raises :class:`GraphConnectionLostError`, which the driver does not retry.

    Closing a driver is not enough to stop work that still runs on it: the pool of a closed driver opens
    new connections on demand, and a managed transaction whose connection was closed under it retries on a
    new one for up to `neo4j_max_retry_s`. Work abandoned on a frozen Neo4j (the API's watchdog answered
    GRAPH_UNAVAILABLE) would otherwise run again, and commit, once the server resumes."""

    def __init__(self) -> None:
        self.reason: str | None = None

    def shut(self, reason: str) -> None:
        self.reason = reason

    def __call__(self, address: Any) -> list[Any]:
        if self.reason is not None:
            raise GraphConnectionLostError(self.reason)
        return [address]  # unchanged: the driver resolves it as it would without a resolver


def open_driver(settings: GraphSettings | None = None, gate: ConnectionGate | None = None) -> neo4j.Driver:
    s = settings or get_graph_settings()
    options = driver_options(s)
    if gate is not None:
        options["resolver"] = gate
    driver = GraphDatabase.driver(s.uri, **options)
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        raise GraphUnavailableError(auth_refused_message(s)) from exc
    except (ServiceUnavailable, OSError) as exc:
        driver.close()
        raise GraphUnavailableError(
            f"Neo4j is not reachable at {s.uri}. Start the local server with `lantern neo4j start` "
            "(or `docker compose up -d neo4j`), or set NEO4J_URI."
        ) from exc
    return driver


class Database:
    """Runs catalog queries against one database. Thread-safe (the driver is)."""

    def __init__(
        self,
        driver: neo4j.Driver,
        settings: GraphSettings | None = None,
        queries: Catalog | None = None,
        gate: ConnectionGate | None = None,
    ) -> None:
        self.driver = driver
        self.settings = settings or get_graph_settings()
        self.catalog = queries or catalog()
        self.database = self.settings.neo4j_database
        self.gate = gate
        """Set by `connect`: `abandon` shuts it (a driver built elsewhere can only be closed)."""

    @classmethod
    def connect(cls, settings: GraphSettings | None = None) -> Database:
        s = settings or get_graph_settings()
        gate = ConnectionGate()
        return cls(open_driver(s, gate), s, gate=gate)

    def close(self) -> None:
        self.driver.close()

    def abandon(self, reason: str) -> None:
        """Give up on this driver while other threads may still be using it (Neo4j stopped answering):
        no new connection from now on (`reason` is the error every attempt raises, retries included), and
        the driver is closed in a thread of its own — closing shuts its sockets down, which wakes a thread
        blocked on them, and may itself block on a frozen server (its GOODBYE)."""
        if self.gate is not None:
            self.gate.shut(reason)

        def close_quietly() -> None:
            try:
                self.close()
            except Exception:  # a driver given up on: nothing to do with its closing error
                pass

        threading.Thread(target=close_quietly, name="lantern-abandon-driver", daemon=True).start()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, name: str, timeout: float | None) -> _Query:
        """An auto-commit query object with the server-side timeout (for session.run)."""
        q = self.catalog.get(name)
        return _Query(q.text, timeout=timeout or self.settings.neo4j_query_timeout_s)

    def _work(
        self, name: str, params: dict[str, Any], timeout: float | None
    ) -> Callable[[neo4j.ManagedTransaction], list[dict[str, Any]]]:
        """A transaction function for one catalog query, with the server-side timeout applied."""
        text = self.catalog.get(name).text

        @neo4j.unit_of_work(timeout=timeout or self.settings.neo4j_query_timeout_s)
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [r.data() for r in tx.run(text, quiet_params(params))]

        return work

    def read(self, name: str, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as s:
            return s.execute_read(self._work(name, params, timeout))

    def write(self, name: str, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        """Run a write query in a managed (retried) transaction.

        Files whose header says `mode: autocommit` (e.g. `CALL {...} IN TRANSACTIONS`) run as
        auto-commit queries instead, as Neo4j requires.
        """
        with self.driver.session(database=self.database) as s:
            if self.catalog.get(name).mode == "autocommit":
                return [r.data() for r in s.run(self._query(name, timeout), quiet_params(params))]
            return s.execute_write(self._work(name, params, timeout))

    def write_many(self, steps: Iterable[tuple[str, dict[str, Any]]], timeout: float | None = None) -> None:
        """Run several catalog writes in ONE transaction (all or nothing)."""
        steps = list(steps)

        @neo4j.unit_of_work(timeout=timeout or self.settings.neo4j_query_timeout_s)
        def work(tx: neo4j.ManagedTransaction) -> None:
            for name, params in steps:
                tx.run(self.catalog.get(name).text, quiet_params(params)).consume()

        with self.driver.session(database=self.database) as s:
            s.execute_write(work)

    def run_schema(self, name: str) -> int:
        """Run every statement of a schema file (auto-commit; schema changes cannot share a tx)."""
        q = self.catalog.get(name)
        with self.driver.session(database=self.database) as s:
            for stmt in q.statements:
                s.run(stmt).consume()
        return len(q.statements)


@dataclass
class FakeRunner:
    """Records (name, cypher, params) instead of talking to Neo4j; for unit tests only."""

    results: dict[str, list[dict[str, Any]] | Callable[[dict[str, Any]], list[dict[str, Any]]]] = field(
        default_factory=dict
    )
    calls: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    queries: Catalog = field(default_factory=catalog)

    def _run(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        self.calls.append((name, self.queries.get(name).text, params))
        res = self.results.get(name, [])
        return res(params) if callable(res) else list(res)

    def read(self, name: str, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        return self._run(name, params)

    def write(self, name: str, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        return self._run(name, params)

    def write_many(self, steps: Iterable[tuple[str, dict[str, Any]]], timeout: float | None = None) -> None:
        for name, params in steps:
            self._run(name, params)
