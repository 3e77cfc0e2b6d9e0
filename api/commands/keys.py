"""`lantern keys create|list|revoke`: API keys (stored hashed in the state directory)."""

from __future__ import annotations

import typer
from rich.table import Table

from api.commands.common import console, fail

app = typer.Typer(
    help="API keys for the GraphQL API.\n\nExample: lantern keys create --role auditor --name acme-audit",
    no_args_is_help=True,
)


def _store():
    from api.config import get_settings
    from api.state import StateStore

    return StateStore.open(get_settings().state_path)


@app.command("create")
def create(
    role: str = typer.Option(..., help="admin | investigator | analyst | auditor | partner"),
    name: str = typer.Option(..., help="Who or what uses the key (unique), e.g. anna-investigator."),
    partner: str = typer.Option("", help="Partner keys: the partner organisation, e.g. 'Example Bank'."),
    purpose: str = typer.Option("", help="Partner keys: the declared purpose, logged with every check."),
    quota: int = typer.Option(0, help="Partner keys: identifiers it may screen per month."),
) -> None:
    """Create a key and print its token ONCE (only its hash is stored).

    Example: lantern keys create --role investigator --name anna

    Example: lantern keys create --role partner --name bank --partner 'Example Bank' --purpose AML --quota 500
    """
    from api.auth import KeyError_, create_key

    try:
        token = create_key(_store(), name, role, partner or None, purpose or None, quota or None)
    except KeyError_ as exc:
        fail(str(exc))
    console.print(f"Key [bold]{name}[/] ({role}) created. Token (shown once, store it now):")
    console.print(token, highlight=False, soft_wrap=True)
    console.print("Use it as: Authorization: Bearer <token>")


@app.command("list")
def list_() -> None:
    """List keys (name, role, prefix, created, revoked).

    Example: lantern keys list
    """
    from api.auth import list_keys

    table = Table("name", "role", "prefix", "created", "revoked", "partner", "purpose", "quota/month")
    for k in list_keys(_store()):
        quota = str(k.quota) if k.quota is not None else ""
        table.add_row(
            k.name,
            k.role,
            k.prefix,
            k.created_at,
            k.revoked_at or "",
            k.partner or "",
            k.purpose or "",
            quota,
        )
    console.print(table)


@app.command("revoke")
def revoke(name: str = typer.Argument(..., help="Key name (see `lantern keys list`).")) -> None:
    """Revoke a key; requests with it get HTTP 401 from now on.

    Example: lantern keys revoke anna
    """
    from api.auth import KeyError_, revoke_key

    try:
        revoke_key(_store(), name)
    except KeyError_ as exc:
        fail(str(exc))
    console.print(f"Key [bold]{name}[/] revoked.")
