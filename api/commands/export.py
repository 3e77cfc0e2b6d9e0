"""`lantern export` — the graph (or a library query's subgraph) as RDF with the ontology's IRIs; the whole
graph as FollowTheMoney entities (`--format ftm`) or HTCDS-shaped CSVs (`--format htcds`) for partners."""

from __future__ import annotations

from pathlib import Path

import typer

from api.commands.common import console, fail
from api.config import get_settings


def export(
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle, jsonld, ftm or htcds."),
    out: Path = typer.Option(..., "--out", "-o", help="File to write (htcds: a directory), e.g. lantern.ttl"),
    query: str | None = typer.Option(
        None, "--query", "-q", help="Library query whose rows select the subgraph."
    ),
    param: list[str] = typer.Option([], "--param", "-p", help="Query parameter NAME=VALUE; repeat."),
    validate: bool = typer.Option(
        False, "--validate", help="Check the RDF against the SHACL shapes (pyshacl)."
    ),
) -> None:
    """Export the graph as RDF (Turtle or JSON-LD) with provenance: each mention's document and span;
    or, for partners using other tools, as FollowTheMoney entities or HTCDS-shaped CSVs (an operator action,
    written to the audit log; docs/guide/sharing-and-gdpr.md).

    Without --query everything is exported; with --query the nodes the rows refer to (ids, doc ids)
    and the relationships between them.

    Example: lantern export --format turtle --query phone_network --param phone=+447700900101 --out net.ttl

    Example: lantern export --format jsonld --validate --out graph.jsonld

    Example: lantern export --format ftm --out /tmp/lantern-ftm.jsonl

    Example: lantern export --format htcds --out /tmp/htcds
    """
    from graph.db import Database, GraphUnavailableError
    from graph.library import LibraryParamError, parse_cli_params, run_library_query
    from ontology.export import build_rdf, serialize
    from ontology.export_graph import fetch_all, fetch_subgraph, ids_in_rows

    if fmt in ("ftm", "htcds"):
        if query:
            fail(f"--query selects a subgraph for RDF only; --format {fmt} exports the whole graph.")
        _partner_export(fmt, out)
        return
    if fmt not in ("turtle", "jsonld"):
        fail(f"Unknown --format '{fmt}': use turtle, jsonld, ftm or htcds.")
    try:
        with Database.connect() as db, console.status("Reading the graph..."):
            if query:
                rows = run_library_query(
                    db, query, parse_cli_params(param), get_settings().default_phone_region
                )
                ids = ids_in_rows(rows)
                if not ids:
                    fail(f"Query '{query}' returned {len(rows)} rows with no node ids; nothing to export.")
                nodes, rels = fetch_subgraph(db, ids)
            else:
                nodes, rels = fetch_all(db)
    except (GraphUnavailableError, LibraryParamError) as exc:
        fail(str(exc))
    with console.status(f"Building RDF for {len(nodes)} nodes and {len(rels)} relationships..."):
        graph, stats = build_rdf(nodes, rels)
        text = serialize(graph, fmt)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write {out}: {exc}. Choose another --out path.")
    console.print(
        f"Wrote {out}: {stats.triples} triples — {stats.nodes} nodes, {stats.relationships} relationships, "
        f"{stats.mentions} mentions ({fmt})."
    )
    if validate:
        from ontology.shapes import validate_rdf

        with console.status("Validating with SHACL shapes derived from the ontology..."):
            conforms, messages = validate_rdf(graph)
        if conforms:
            console.print("[green]SHACL: conforms[/] (domain/range, keys, mention spans).")
        else:
            console.print(f"[yellow]SHACL: {len(messages)} violations[/] (first 10):")
            for message in messages[:10]:
                console.print(f"  {message}", markup=False)
    if stats.skipped_nodes or stats.skipped_relationships:
        console.print(
            f"[yellow]Skipped[/] {stats.skipped_nodes} nodes and {stats.skipped_relationships} relationships "
            "whose label/type is not in the ontology."
        )


def _partner_export(fmt: str, out: Path) -> None:
    """FtM JSON lines or HTCDS CSVs of the whole graph, validated, then one audit-log row."""
    from api.cli_audit import audit_operation
    from api.commands.common import open_graph

    try:
        with open_graph() as db, console.status(f"Writing {fmt} ..."):
            if fmt == "ftm":
                from graph.ftm.run import export_ftm

                result = export_ftm(db, out)
                summary, errors = result.stats.summary(), result.errors
                details = {
                    "format": fmt,
                    "out": str(out),
                    "entities": result.entities,
                    "sha256": result.sha256,
                }
            else:
                from graph.htcds import export_htcds

                tables = export_htcds(db, out)
                summary = ", ".join(f"{name}: {rows} rows" for name, rows in tables.items())
                errors = []
                details = {"format": fmt, "out": str(out), "tables": tables}
    except OSError as exc:
        fail(f"Cannot write {out}: {exc}. Choose another --out path.")
    audit_operation("export", [], **details)
    console.print(f"Wrote {out}: {summary}.")
    if errors:
        for error in errors[:10]:
            console.print(f"  {error}", markup=False)
        fail(f"followthemoney rejects {len(errors)} value(s) in {out} (first 10 above).")
    if fmt == "ftm":
        console.print(
            "followthemoney: every entity validates (schema, required and typed properties, references)."
        )
    console.print("Recorded in the audit log (lantern audit-log list --limit 1).")
