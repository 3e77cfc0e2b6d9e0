"""`lantern resolve review|merge|split` — look at resolution candidates, merge entities, undo a merge."""

from __future__ import annotations

import getpass

import typer
from rich.table import Table

from api.commands.common import console, fail, open_graph
from ontology.names import C

app = typer.Typer(
    help=(
        "Entity resolution: review POSSIBLY_SAME_AS candidates, merge (recorded, reversible), split.\n\n"
        'Example: lantern resolve merge "person:anna kowalska" "person:anna kowalska#2" --reason "passport"'
    ),
    no_args_is_help=True,
)


@app.command("review")
def review_cmd(
    min_score: float = typer.Option(0.0, "--min-score", help="Only candidates scoring at least this."),
    limit: int = typer.Option(50, "--limit", min=1, help="Maximum candidates and merges shown."),
) -> None:
    """List resolution candidates (highest score first) and the merges made so far.

    Example: lantern resolve review --min-score 0.5
    """
    from graph.resolve import review

    with open_graph() as db:
        found = review(db, min_score=min_score, limit=limit)
    table = Table(title="Possibly the same (not merged)", header_style="bold cyan")
    for col in ("a", "b", "kind", "score", "shared", "reason"):
        table.add_column(col, overflow="fold")
    for c in found["candidates"]:
        table.add_row(
            f"{c['a_name']} [dim]{c['a_id']}[/] ({c['a_docs']} docs)",
            f"{c['b_name']} [dim]{c['b_id']}[/] ({c['b_docs']} docs)",
            str(c["kind"]), f"{c['score']:.2f}", str(c["shared"]), str(c["reason"]),
        )  # fmt: skip
    console.print(table)
    if found["merges"]:
        merges = Table(title="Merges (undo with lantern resolve split MERGE_ID)", header_style="bold cyan")
        for col in ("merge_id", "survivor", "absorbed", "by", "at", "reason"):
            merges.add_column(col, overflow="fold")
        for m in found["merges"]:
            merges.add_row(
                m["merge_id"], m["survivor"], ", ".join(m["absorbed"]), m["by"], m["at"], m["reason"]
            )
        console.print(merges)
    if not found["candidates"] and not found["merges"]:
        console.print("Nothing to review: no candidates and no merges.")
    else:
        console.print('Merge a pair with: lantern resolve merge ID1 ID2 --reason "..."')


@app.command("suggest")
def suggest_cmd(
    label: str = typer.Option(
        C.Person, "--class", help="Ontology entity class to compare (Person, Business, ...)."
    ),
    threshold: float = typer.Option(
        90.0, "--threshold", min=50, max=100, help="Lowest token-sort ratio (0-100)."
    ),
) -> None:
    """Propose POSSIBLY_SAME_AS candidates for similar (not identical) names; nothing is merged.

    Example: lantern resolve suggest --class Person --threshold 88
    """
    from graph.resolve_suggest import suggest

    with open_graph() as db:
        try:
            found = suggest(db, label=label, threshold=threshold)
        except ValueError as exc:
            fail(str(exc))
    for s in found[:20]:
        console.print(f"{s.score:.2f}  {s.source}  ~  {s.target}  [dim]{s.reason}[/]")
    console.print(f"{len(found)} candidate(s) recorded. Review them with: lantern resolve review")


@app.command("merge")
def merge_cmd(
    ids: list[str] = typer.Argument(..., help="Entity ids; the first one survives."),
    reason: str = typer.Option(..., "--reason", help="Why they are the same (kept in the merge record)."),
    by: str = typer.Option("", "--by", help="Who decides (default: the current user)."),
) -> None:
    """Merge entities into the first id; mentions and evidence move over, a record allows undoing it.

    Example: lantern resolve merge "business:sunrise cleaning@leeds" "business:sunrise cleaning" --reason VAT
    """
    from graph.resolve import ResolveError, merge

    with open_graph() as db:
        try:
            result = merge(db, ids, by=by or getpass.getuser(), reason=reason)
        except ResolveError as exc:
            fail(str(exc))
    console.print(
        f"Merged {', '.join(result.absorbed)} into [bold]{result.survivor}[/] "
        f"({result.relationships} relationships). Undo with: lantern resolve split {result.merge_id}"
    )


@app.command("split")
def split_cmd(merge_id: str = typer.Argument(..., help="Merge id shown by merge/review.")) -> None:
    """Undo a merge: the original entities come back with their own mentions and evidence.

    Example: lantern resolve split merge-1a2b3c4d5e
    """
    from graph.resolve import ResolveError, split

    with open_graph() as db:
        try:
            result = split(db, merge_id)
        except ResolveError as exc:
            fail(str(exc))
    console.print(f"Split {merge_id}: restored {', '.join(result.restored)}.")
    if result.stale_documents:
        console.print(
            f"{len(result.stale_documents)} document(s) ingested after the merge will be rewritten by the "
            f"next `lantern ingest` of their input: {', '.join(result.stale_documents[:10])}"
        )
