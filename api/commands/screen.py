"""`lantern screen [--psi] FILE.csv --url URL`: a partner checks its identifiers against a Lantern hub."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.table import Table

from api.commands.common import console, fail


def screen(
    file: Path = typer.Argument(
        ..., help="CSV of identifiers: a `value` column (+ kind, date_of_birth, country)."
    ),
    url: str = typer.Option(..., help="The hub's API, e.g. http://127.0.0.1:8000"),
    psi: bool = typer.Option(
        False, "--psi", help="Private set intersection: the hub learns nothing of the rest."
    ),
    key: str = typer.Option(
        "", envvar="LANTERN_PARTNER_KEY", help="Your partner key (or env LANTERN_PARTNER_KEY)."
    ),
    region: str = typer.Option(
        "", help="Default region for phones without +country code (default: the hub's)."
    ),
) -> None:
    """Check a partner's phones, e-mails, payment accounts (and, without --psi, names) against a hub.

    Example: lantern screen --psi partner.csv --url http://127.0.0.1:8000
    """
    from api.config import get_settings
    from api.screening.client import ClientError, plain_check, psi_check

    token = key or os.environ.get("LANTERN_PARTNER_KEY", "")
    if not token:
        fail("No partner key: pass --key or set LANTERN_PARTNER_KEY (ask the hub for a partner key).")
    region = region or get_settings().default_phone_region
    try:
        if psi:
            out = psi_check(file, url, token, region)
        else:
            reports = plain_check(file, url, token, region)
    except ClientError as exc:
        fail(str(exc))
    if psi:
        for reason in out.skipped:
            console.print(f"[yellow]not sent[/] {reason}")
        console.print(
            f"The hub holds {len(out.held)} of your {out.sent} distinct identifiers "
            f"(PSI against {out.hub_size} hub identifiers; references {', '.join(out.references)})."
        )
        if not out.current:
            console.print("(The hub's graph changed moments ago; it answered from the previous version.)")
        for row in out.held:
            console.print(f"  line {row.line}: {row.value}", highlight=False)
        if out.held:
            console.print("Next: contact the hub's analysts with the reference and these identifiers.")
        return
    table = Table("line", "hit", "match", "risk", "reference / next step")
    for report in reports:
        for r in report["results"]:
            match = f"{r['match']['method']} {r['match']['score']:g}" if r["hit"] else (r["error"] or "")
            risk = r["risk"]["band"] if r["hit"] else ""
            table.add_row(
                str(r["line"]), "HIT" if r["hit"] else "-", match, risk, r["reference"] or r["nextStep"]
            )
    console.print(table)
    hits = sum(rep["hits"] for rep in reports)
    console.print(f"{hits} hit(s); checks {', '.join(rep['reference'] for rep in reports)}.")
