"""Shared helpers for CLI commands: the console, error exits and settings."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print an actionable error (no traceback) and exit non-zero."""
    err_console.print(f"[bold red]Error:[/] {message}")
    raise typer.Exit(code)
