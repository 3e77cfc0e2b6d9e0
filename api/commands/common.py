"""Shared helpers for CLI commands: the console, error exits, the database connection.

A command parses its options, calls one domain function (graph.*, api.demo, ...) and prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from api.config import Settings
    from graph.db import Database

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print an actionable error (no traceback) and exit non-zero."""
    err_console.print(f"[bold red]Error:[/] {message}")
    raise typer.Exit(code)


def connect(settings: Settings | None = None) -> Database:
    """The graph database (`settings` or the environment's), or an actionable error and exit 1."""
    from api.config import get_settings
    from graph.db import Database, GraphUnavailableError

    try:
        return Database.connect(settings or get_settings())
    except GraphUnavailableError as exc:
        fail(str(exc))


@contextmanager
def open_graph(settings: Settings | None = None) -> Iterator[Database]:
    """The graph database for one command: connected (or an actionable error and exit 1) and closed at
    the end. The graph becoming unavailable during the command (Neo4j stopped, the connection lost) ends
    it with the same kind of error — what happened and what to do — instead of a traceback."""
    from graph.db import GraphUnavailableError

    db = connect(settings)
    try:
        yield db
    except GraphUnavailableError as exc:
        fail(str(exc))
    finally:
        db.close()
