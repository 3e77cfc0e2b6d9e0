"""`lantern audit SUPPLIERS.csv` — supplier exposure audit against the graph."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from api.commands.common import console, err_console, fail, open_graph

STATUS_STYLE = {"exposed": "bold red", "matched, no exposure found": "green", "no match": "dim"}


def audit(
    register: Path = typer.Argument(
        ..., help="Supplier register CSV: supplier_id, name, address, phone, country"
    ),
    out: list[Path] = typer.Option(
        [], "--out", "-o", help="Report file(s): .html, .csv or .json (repeat for several formats)"
    ),
    max_hops: int = typer.Option(3, "--max-hops", min=0, max=6, help="Longest exposure path, in typed hops."),
    threshold: float = typer.Option(
        0.6, "--threshold", min=0.0, max=1.0, help="Lowest match score that counts."
    ),
    role: str = typer.Option("auditor", "--role", help="Masking role for personal data in the report."),
    risk_threshold: float | None = typer.Option(
        None,
        "--risk-threshold",
        help="Also count entities whose analytics risk_score is at least this (off by default).",
    ),
) -> None:
    """Match each supplier to graph businesses (explained score), find exposure paths to trafficking-linked
    entities with the evidence of every hop, and rank suppliers by risk.

    Status per supplier: "exposed", "matched, no exposure found" or "no match". Malformed CSV rows are
    reported with their row number and reason; the other rows are audited.

    Example: lantern audit seed/suppliers.csv --max-hops 3 --out report.html --out report.json
    """
    from api.config import get_settings
    from api.state import configure_privacy
    from graph.audit import audit_suppliers, read_suppliers, write_report
    from graph.audit.writers import FORMATS

    if not register.exists():
        fail(f"No such file: {register}. Give the path of a supplier register CSV.")
    for o in out:
        if o.suffix.lower().lstrip(".") not in FORMATS:
            fail(f"Unknown report format '{o.suffix}' for {o}: use .html, .csv or .json.")
    configure_privacy(get_settings().state_path)  # stable pseudonyms, the same as the API shows
    try:
        suppliers, errors = read_suppliers(register)
    except (ValueError, UnicodeDecodeError) as exc:
        fail(str(exc))
    for e in errors:
        err_console.print(f"[yellow]Row {e.row}[/] ({e.supplier_id}): {e.reason} — skipped")
    with (
        open_graph() as db,
        Progress(
            TextColumn("Auditing suppliers"), BarColumn(), MofNCompleteColumn(), console=console
        ) as progress,
    ):
        task = progress.add_task("audit", total=len(suppliers))
        report = audit_suppliers(
            db,
            suppliers,
            errors,
            max_hops=max_hops,
            threshold=threshold,
            role=role,
            register=str(register),
            risk_threshold=risk_threshold,
            progress=lambda _s: progress.advance(task),
        )
    table = Table(header_style="bold cyan")
    for col in ("#", "supplier", "status", "risk", "matched business (score)", "top exposure path"):
        table.add_column(col, overflow="fold")
    for r in report.results:
        best = r.matches[0] if r.matches else None
        table.add_row(
            str(r.rank),
            f"{r.name} ({r.supplier_id})",
            f"[{STATUS_STYLE.get(r.status, '')}]{r.status}[/]",
            f"{r.risk:.2f}",
            f"{best.business_name} ({best.score:.2f})" if best else "",
            r.paths[0].summary if r.paths else "",
        )
    console.print(table)
    counts = report.counts()
    console.print(
        f"{counts['exposed']} exposed, {counts['matched, no exposure found']} matched without exposure, "
        f"{counts['no match']} without a match, {counts['errors']} row error(s); "
        f"{report.graph_businesses} businesses in the graph."
    )
    for o in out:
        console.print(f"Wrote {write_report(report, o)}")
    if not out:
        console.print("Add --out report.html (or .csv/.json) to save the report with evidence.")
