"""The API's handle on Neo4j: opened lazily, never cached dead, errors mapped to typed GraphQL errors.

The app opens the driver once in its lifespan; if Neo4j is down at start or goes away later, the
next request tries to reconnect, so the API recovers without a restart.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import neo4j
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from api.limits import api_error
from graph.config import Settings
from graph.db import Database, GraphUnavailableError


class GraphAccess:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._db: Database | None = None
        self._lock = threading.Lock()
        self.last_error: str = ""

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

    async def read(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        return await asyncio.to_thread(self._call, "read", name, None, params)

    @staticmethod
    def _read_once(db: Database, name: str, timeout: float, params: dict[str, Any]) -> list[dict[str, Any]]:
        """One auto-commit read, no driver retries: an API request fails fast with a typed error
        instead of waiting out the driver's 30 s retry window when Neo4j is down.

        Rows are the records' own values (`dict(record)`), not `record.data()`: the API's queries
        return map projections and scalars, never nodes, relationships or paths, so the deep copy
        `data()` makes to turn graph objects into dicts would only copy (≈1 ms on a link chart).
        The API integration tests check that no query breaks this contract."""
        query = neo4j.Query(db.catalog.get(name).text, timeout=timeout)  # type: ignore[arg-type]
        with db.driver.session(database=db.database, default_access_mode=neo4j.READ_ACCESS) as session:
            return [dict(r) for r in session.run(query, params)]

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
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            self.reset()
            raise api_error(
                "GRAPH_UNAVAILABLE",
                f"Neo4j at {self.settings.uri} is not reachable ({type(exc).__name__}); "
                "retry when `lantern neo4j status` says it is running.",
            ) from exc
        except ClientError as exc:
            code = exc.code or ""
            if "TransactionTimedOut" in code or "Transaction.Terminated" in code:
                raise api_error(
                    "QUERY_TIMEOUT",
                    f"The query ran longer than the server-side limit of {t:g} s and was stopped; "
                    "narrow it (smaller depth, limit or maxHops).",
                ) from exc
            if "no such fulltext schema index" in (exc.message or "").lower():
                raise api_error(
                    "NOT_AVAILABLE",
                    "The full-text index `entity_search` does not exist yet: run `lantern schema apply`.",
                ) from exc
            if "fulltext" in (exc.message or "").lower() or "lucene" in (exc.message or "").lower():
                raise api_error(
                    "BAD_USER_INPUT", f"The search text could not be parsed: {exc.message}"
                ) from exc
            raise api_error("BAD_USER_INPUT", f"Neo4j refused the query: {exc.message}") from exc
        except (Neo4jError, DriverError) as exc:
            if "TransactionTimedOut" in (getattr(exc, "code", "") or ""):
                raise api_error("QUERY_TIMEOUT", "The query ran longer than the server-side limit.") from exc
            self.reset()
            raise api_error("GRAPH_UNAVAILABLE", f"Neo4j error: {exc}") from exc
