"""Run several catalog queries — reads included — in ONE managed write transaction.

`Database.write_many` takes fixed steps; a batch needs to read the graph (resolution context) between
writes and commit everything, content hashes last, atomically. Unit tests pass a `FakeRunner`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import neo4j

from graph.db import Database, FakeRunner

T = TypeVar("T")
TX_TIMEOUT_FACTOR = 10.0
"""A batch transaction may take longer than one interactive query: timeout = factor x query timeout."""


class CatalogTx(Protocol):
    def run(self, name: str, **params: Any) -> list[dict[str, Any]]: ...


class _DriverTx:
    def __init__(self, tx: neo4j.ManagedTransaction, db: Database) -> None:
        self.tx, self.db = tx, db

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return [r.data() for r in self.tx.run(self.db.catalog.get(name).text, params)]  # type: ignore[arg-type]


class _FakeTx:
    def __init__(self, runner: FakeRunner) -> None:
        self.runner = runner

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.runner.write(name, **params)


def in_transaction(db: Database | FakeRunner, work: Callable[[CatalogTx], T]) -> T:
    """Call `work(tx)` inside one write transaction (retried as a whole on transient errors)."""
    if isinstance(db, FakeRunner):
        return work(_FakeTx(db))

    @neo4j.unit_of_work(timeout=db.settings.neo4j_query_timeout_s * TX_TIMEOUT_FACTOR)
    def unit(tx: neo4j.ManagedTransaction) -> T:
        return work(_DriverTx(tx, db))

    with db.driver.session(database=db.database) as session:
        return session.execute_write(unit)
