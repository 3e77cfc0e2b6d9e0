"""`lantern export` — the graph (or a library query's subgraph) as RDF with the ontology's IRIs."""

from __future__ import annotations

from pathlib import Path

import typer

from api.commands.common import console, fail
from api.config import get_settings


def export(
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle or jsonld."),
    out: Path = typer.Option(..., "--out", "-o", help="File to write, e.g. lantern.ttl"),
    query: str | None = typer.Option(
        None, "--query", "-q", help="Library query whose rows select the subgraph."
    ),
    param: list[str] = typer.Option([], "--param", "-p", help="Query parameter NAME=VALUE; repeat."),
    validate: bool = typer.Option(
        False, "--validate", help="Check the RDF against the SHACL shapes (pyshacl)."
    ),
) -> None:
    """Export the graph as RDF (Turtle or JSON-LD) with provenance: each mention's document and span.

    Without --query everything is exported; with --query the nodes the rows refer to (ids, doc ids)
    and the relationships between them.

    Example: lantern export --format turtle --query phone_network --param phone=+447700900101 --out net.ttl

    Example: lantern export --format jsonld --validate --out graph.jsonld
    """
    from graph.db import Database, GraphUnavailableError
    from graph.library import LibraryParamError, parse_cli_params, run_library_query
    from ontology.export import build_rdf, serialize
    from ontology.export_graph import fetch_all, fetch_subgraph, ids_in_rows

    if fmt not in ("turtle", "jsonld"):
        fail(f"Unknown --format '{fmt}': use turtle or jsonld.")
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
