"""`lantern schema apply|show|grass` — the Neo4j schema and Browser style derived from the ontology."""

from __future__ import annotations

from pathlib import Path

import typer

from api.commands.common import console, fail, open_graph

app = typer.Typer(
    help=(
        "Neo4j constraints, indexes and Browser styling derived from ontology/lantern.ttl.\n\n"
        "Example: lantern schema apply && lantern schema show"
    ),
    no_args_is_help=True,
)


@app.command()
def apply() -> None:
    """Create missing constraints, indexes and the typology nodes (idempotent; safe to re-run).

    Example: lantern schema apply
    """
    from ontology.schema import apply_schema

    with open_graph() as db, console.status("Applying schema..."):
        report = apply_schema(db)
    created = report.constraints_created + report.indexes_created
    console.print(
        f"Schema applied: {report.statements} statements; "
        f"{len(report.constraints_created)} constraints and {len(report.indexes_created)} indexes created; "
        f"{report.typology_nodes_created} of {report.typology_nodes} typology nodes created."
    )
    if report.indexes_replaced:
        console.print(
            "Replaced (declared differently in the ontology; being rebuilt from the existing nodes): "
            + ", ".join(report.indexes_replaced)
        )
    if created:
        console.print("Created: " + ", ".join(created))
    elif not report.changed:
        console.print("[green]Nothing to change[/] — the database already matches the ontology.")


@app.command()
def show(
    write: bool = typer.Option(
        False, "--write", help="Also regenerate queries/schema/*.cypher from the ontology."
    ),
) -> None:
    """Print the schema statements derived from the ontology (constraints, range and full-text indexes).

    Example: lantern schema show --write
    """
    from ontology.schema import schema_text, write_schema_files

    console.print(schema_text(), markup=False, highlight=False, soft_wrap=True)
    if write:
        written = write_schema_files()
        console.print(
            f"Wrote {len(written)} changed file(s): " + ", ".join(p.name for p in written)
            if written
            else "queries/schema/ already up to date."
        )


@app.command()
def grass(
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Write the stylesheet here (e.g. ontology/lantern.grass)."
    ),
) -> None:
    """Print (or write) the Neo4j Browser GraSS stylesheet: colour and caption per ontology class.

    Example: lantern schema grass --out ontology/lantern.grass   (then in Browser: :style, drop the file)
    """
    from ontology.grass import grass_text

    text = grass_text()
    if out is None:
        console.print(text, markup=False, highlight=False, soft_wrap=True)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write {out}: {exc}. Choose another --out path.")
    console.print(
        f"Wrote {out} ({len(text.splitlines())} lines). In Neo4j Browser run :style and drop the file in."
    )


@app.command()
def describe(
    part: str = typer.Argument("all", help="classes | individuals | relations | all"),
) -> None:
    """Print the ontology as tables: classes (labels, FtM/schema.org/FOAF, HTCDS), individuals, relations.

    Example: lantern schema describe relations
    """
    from rich.markdown import Markdown

    from ontology.reference import class_table, individuals_table, relation_table

    tables = {"classes": class_table, "individuals": individuals_table, "relations": relation_table}
    if part != "all" and part not in tables:
        fail(f"Unknown part '{part}': use classes, individuals, relations or all.")
    for name, make in tables.items():
        if part in ("all", name):
            console.print(Markdown(f"### {name}\n\n" + make()))
