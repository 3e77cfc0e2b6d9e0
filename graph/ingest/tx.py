"""Run several catalog queries — reads included — in ONE managed write transaction.

`Database.write_many` takes fixed steps; a batch needs to read the graph (resolution context) between
writes and commit everything, content hashes last, atomically. Unit tests pass a `FakeRunner`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import neo4j

from graph.db import Database, FakeRunner, quiet_params

T = TypeVar("T")
TX_TIMEOUT_FACTOR = 10.0
"""A batch transaction may take longer than one interactive query: timeout = factor x query timeout."""


class Sent(Protocol):
    def rows(self) -> list[dict[str, Any]]: ...


class CatalogTx(Protocol):
    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a statement and return its records."""
        ...

    def send(self, name: str, **params: Any) -> Sent:
        """Start a statement and return as soon as the server has accepted it.

        The server executes it while the caller goes on, so Python work placed between two `send`s overlaps
        the database's. Statements of a transaction still execute in order: the next `run`/`send` waits for
        this one to finish, an error surfaces there (or at commit) and fails the whole transaction.
        `rows()` waits for the records.
        """
        ...


class _Records:
    def __init__(self, result: neo4j.Result | list[dict[str, Any]]) -> None:
        self.result = result

    def rows(self) -> list[dict[str, Any]]:
        if isinstance(self.result, list):
            return self.result
        return [r.data() for r in self.result]


class _DriverTx:
    def __init__(self, tx: neo4j.ManagedTransaction, db: Database) -> None:
        self.tx, self.db = tx, db

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.send(name, **params).rows()

    def send(self, name: str, **params: Any) -> Sent:
        # the driver sends RUN and PULL together and returns after the RUN is acknowledged; the records of
        # an unread result are buffered when the next statement is sent (Bolt 4+: several open results)
        # lists go as `Rows`: the driver would otherwise repr every row for its debug log (graph.db.Rows)
        return _Records(self.tx.run(self.db.catalog.get(name).text, quiet_params(params)))


class _FakeTx:
    def __init__(self, runner: FakeRunner) -> None:
        self.runner = runner

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.runner.write(name, **params)

    def send(self, name: str, **params: Any) -> Sent:
        return _Records(self.runner.write(name, **params))


def in_transaction(db: Database | FakeRunner, work: Callable[[CatalogTx], T]) -> T:
    """Call `work(tx)` inside one write transaction (retried as a whole on transient errors)."""
    if isinstance(db, FakeRunner):
        return work(_FakeTx(db))

    @neo4j.unit_of_work(timeout=db.settings.neo4j_query_timeout_s * TX_TIMEOUT_FACTOR)
    def unit(tx: neo4j.ManagedTransaction) -> T:
        return work(_DriverTx(tx, db))

    with db.driver.session(database=db.database) as session:
        return session.execute_write(unit)
