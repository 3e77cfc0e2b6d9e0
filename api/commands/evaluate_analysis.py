"""`lantern evaluate analysis` — does the analysis hold up on real releases? Figures per office."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from api.commands.common import console, fail, open_graph

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD_DIR = REPO_ROOT / "extraction" / "gold"
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "press-releases"


def analysis_command(
    gold: list[Path] = typer.Option(
        None,
        "--gold",
        help="Gold JSONL with Person roles (repeatable); default: every extraction/gold/<source>.jsonl.",
    ),
    data: Path = typer.Option(
        DEFAULT_DATA, "--data", help="Folder with one sub-folder of raw files per corpus."
    ),
    out: Path | None = typer.Option(None, "--out", help="Write the full report (JSON) here."),
) -> None:
    """Extract, ingest and analyse the gold releases into the configured Neo4j, then print per office:
    risk precision@25 (charged people or businesses), recall of charged people in the top 50, officials and
    boilerplate in the top 50, graph nodes per distinct official, and networks joining unrelated releases.
    The worst office is the headline. Use an empty database: other documents change the analysis.

    Example: lantern evaluate analysis --gold extraction/gold/orange_ca.jsonl
    --data ../shared/data/press-releases
    """
    from extraction.evaluate_gold import gold_files, load_gold
    from graph.analytics.validation import validate_analysis
    from graph.analytics.validation_score import worst

    files = gold or gold_files(DEFAULT_GOLD_DIR)
    by_file = [
        load_gold(f) for f in files
    ]  # a file annotated with roles counts whole (releases without people too)
    docs = [d for found in by_file if any(m.role for d in found for m in d.mentions) for d in found]
    if not docs:
        fail("no gold document with Person roles: pass --gold <corpus>.jsonl annotated with roles")
    from ontology.schema import apply_schema

    with open_graph() as db:
        apply_schema(db)  # constraints and indexes first (idempotent): the queries' index hints need them
        report = validate_analysis(db, docs, data, note=lambda msg: console.log(msg))
    table = Table(title="Analysis on real documents (per office)", header_style="bold cyan")
    for col in ("office", "docs", "P@25", "charged R@50", "bad in top 50", "officials scored / in networks",
                "persons/official", "impure networks (releases)"):  # fmt: skip
        table.add_column(col)
    for s in report.offices:
        table.add_row(s.office, str(s.documents), f"{s.precision_at_25:.2f}",
                      f"{s.charged_recall_at_50:.2f} of {s.charged_names}", str(len(s.bad_in_top_50)),
                      f"{len(s.officials_as_suspects)} / {len(s.officials_in_networks)}",
                      f"{s.persons_per_official:.2f}",
                      f"{s.networks_joining_unrelated} ({s.releases_joined})")  # fmt: skip
    console.print(table)
    console.print("bad = officials, boilerplate and headlines; impure = networks joining unrelated releases")
    for s in report.offices:
        worst_official = [f"most person nodes for one official: {s.official_worst}"] * bool(s.official_worst)
        if s.official_fragments:
            worst_official.append(f"other nodes on officials' names: {', '.join(s.official_fragments[:5])}")
        lines = s.bad_in_top_50[:10] + s.officials_as_suspects[:5] + s.officials_in_networks[:5]
        for line in worst_official + lines + s.unrelated_links[:10]:
            console.print(f"  {s.office}: {line}")
    head = worst(report.offices)
    if head:
        console.print(
            f"[bold]Worst office: {head.office} — risk precision@25 {head.precision_at_25:.2f}, "
            f"{len(head.bad_in_top_50)} officials/boilerplate in the top 50, {head.persons_per_official:.2f} "
            f"persons per official, {head.networks_joining_unrelated} networks joining unrelated releases[/]"
        )
    if report.skipped:
        console.print(f"skipped {len(report.skipped)} documents: {report.skipped[:3]}")
    if out:
        payload = {"offices": [s.as_dict() for s in report.offices], "skipped": report.skipped,
                   "ingest": report.ingest}  # fmt: skip
        out.write_text(json.dumps(payload, indent=2), encoding="utf-8")
