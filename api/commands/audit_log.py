"""`lantern audit-log list|export|verify`: who saw which personal data in clear (append-only,
hash-chained log)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from api.commands.common import console

app = typer.Typer(
    help="The API's append-only audit log of personal-data disclosures.\n\n"
    "Example: lantern audit-log export --out audit.jsonl\n\n"
    "Check it was not altered: lantern audit-log verify",
    no_args_is_help=True,
)


def _entries(
    key: str | None, since: str | None, entity: str | None, limit: int, reference: str | None = None
):
    from api.audit_log import entries
    from api.config import get_settings
    from api.state import StateStore

    return entries(StateStore.open(get_settings().state_path), key, since, entity, limit, 0, reference)


@app.command("list")
def list_(
    key: str = typer.Option(None, help="Only this key name."),
    since: str = typer.Option(None, help="Only entries at or after this ISO time, e.g. 2026-01-31."),
    entity: str = typer.Option(None, help="Only entries that revealed this entity id."),
    limit: int = typer.Option(50, help="Newest N entries."),
    reference: str = typer.Option(
        None, help="Only the screening check a partner quotes (SCR-…), with details."
    ),
) -> None:
    """Show the newest audit-log entries.

    Example: lantern audit-log list --key anna --limit 20

    Example: lantern audit-log list --reference SCR-0A1B2C3D4E
    """
    import json

    table = Table(
        "id", "at", "key", "role", "operation", "entities", "fields", *(["details"] if reference else [])
    )
    found = _entries(key, since, entity, limit, reference)
    if reference and not found:
        console.print(
            f"No audit entry holds the reference {reference}: check it with the partner (SCR-… or PSI-…)."
        )
        return
    for e in found:
        details = [json.dumps(e.details, sort_keys=True)] if reference else []
        table.add_row(
            str(e.id),
            e.at,
            e.key_name,
            e.role,
            e.operation,
            ", ".join(e.entity_ids),
            ", ".join(e.fields),
            *details,
        )
    console.print(table)


@app.command("export")
def export(
    out: Path = typer.Option(..., help="Output file: .jsonl (one entry per line) or .json."),
    key: str = typer.Option(None, help="Only this key name."),
    since: str = typer.Option(None, help="Only entries at or after this ISO time."),
    limit: int = typer.Option(1_000_000, help="At most N entries (newest first)."),
) -> None:
    """Export the audit log for review or archiving.

    Example: lantern audit-log export --out audit.jsonl --since 2026-01-01
    """
    rows = [e.as_dict() for e in _entries(key, since, None, limit)]
    if out.suffix == ".json":
        out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    else:
        out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    console.print(f"Exported {len(rows)} audit-log entries to [bold]{out}[/].")


@app.command("verify")
def verify(
    expect_head: str = typer.Option(None, help="The head hash recorded earlier (detects a rewritten tail)."),
) -> None:
    """Check the log is intact: recompute its hash chain; an edited, deleted or cut row fails (exit 1).

    Example: lantern audit-log verify

    Keep the head hash it prints elsewhere; later, `--expect-head HASH` also catches a rewritten tail.
    """
    from api.audit_log import verify as verify_log
    from api.config import get_settings
    from api.state import StateStore

    result = verify_log(StateStore.open(get_settings().state_path), expect_head)
    legacy = f", {result.legacy} older unchained row(s)" if result.legacy else ""
    if result.ok:
        console.print(f"Audit log intact: {result.rows} row(s){legacy}; head hash [bold]{result.head}[/].")
        return
    for problem in result.problems:
        console.print(f"[red]TAMPERED[/]: {problem}")
    console.print(f"{result.rows} row(s) checked{legacy}; the log was altered after it was written.")
    raise typer.Exit(1)
