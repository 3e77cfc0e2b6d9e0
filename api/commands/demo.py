"""`lantern demo`: Neo4j up, schema, seed ingested, analytics run, API serving; prints what to open."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.commands.common import connect, console, err_console, fail
from api.commands.serve import claim_port, run_api
from api.config import Settings
from api.demo import (
    EXAMPLES,
    ROOT,
    SEED_CORPUS,
    analyze,
    cached_extraction,
    demo_key,
    ingest_seed,
    load_money,
    seed_extraction,
)

Tick = Callable[[int], None]


def _step(label: str) -> float:
    console.print(f"[bold cyan]→[/] {label}")
    return time.perf_counter()


def _bar(label: str) -> Progress:
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
    )


def _ticker(bar: Progress, label: str, total: int) -> Tick:
    task = bar.add_task(label, total=total)
    return lambda n: bar.advance(task, n)


def print_guide(settings: Settings, token: str, serving: bool) -> None:
    api = f"http://{settings.api_host}:{settings.api_port}"
    browser = f"http://127.0.0.1:{settings.neo4j_http_port}/browser/"
    console.rule("[bold]Lantern demo is ready" if serving else "[bold]Lantern demo data is loaded")
    hint = "" if serving else "  (start it: lantern serve)"
    console.print(f"GraphiQL      [bold]{api}/graphql[/]{hint}")
    console.print("  Request header to paste (GraphiQL → Headers):")
    console.print(f'  {{"Authorization": "Bearer {token}"}}', highlight=False, soft_wrap=True)
    console.print(f"Link chart    [bold]{api}/explore[/]")
    console.print(f"Neo4j Browser [bold]{browser}[/]  connect to {settings.uri}")
    user, password = settings.neo4j_user, settings.password
    console.print(f"  user [bold]{user}[/]  password [bold]{password}[/]", highlight=False)
    console.print("\n[bold]Example queries[/] (planted networks: see seed/ground_truth.json)")
    for path in sorted(EXAMPLES.glob("*.graphql")) + sorted(EXAMPLES.glob("*.cypher")):
        lang = "GraphQL" if path.suffix == ".graphql" else "Cypher (Neo4j Browser)"
        console.print(f"\n[dim]# {lang} — {path.relative_to(ROOT)}[/]")
        console.print(path.read_text(encoding="utf-8").strip(), markup=False, highlight=False, soft_wrap=True)
    console.rule()


def demo(
    no_serve: bool = typer.Option(False, "--no-serve", help="Load everything, print the guide, exit."),
    skip_analysis: bool = typer.Option(False, "--skip-analysis", help="Do not run the analytics."),
    port: int = typer.Option(None, help="Port of the API (default: LANTERN_API_PORT, 8000)."),
) -> None:
    """One command: start Neo4j, apply the schema, ingest the seed, run analytics, serve the API.

    Re-running is fast and safe (unchanged documents are skipped). Ctrl-C stops the API;
    `lantern neo4j stop` stops the database.

    Example: lantern demo            |   lantern demo --no-serve
    """
    from api.config import get_settings
    from graph import neo4j_server
    from ontology.schema import apply_schema

    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)  # schema-less warnings are noise here
    settings = get_settings()
    if port is not None:
        settings = settings.model_copy(update={"api_port": port})
    # the API's port is claimed first: a taken port fails in a second, not after the whole load
    sock = None if no_serve else claim_port(settings.api_host, settings.api_port, "lantern demo --port")
    started = time.perf_counter()
    t = _step("starting Neo4j (first run downloads and assembles it)")
    try:
        console.print(f"  {neo4j_server.start(settings)} ({time.perf_counter() - t:.0f} s)")
    except neo4j_server.Neo4jServerError as exc:
        fail(f"Neo4j did not start: {exc}. See `lantern neo4j status` and the log it names.")
    db = connect(settings)
    with db:
        t = _step("applying the schema")
        apply_schema(db)
        console.print(f"  done ({time.perf_counter() - t:.0f} s)")
        t = _step(f"extracting the seed corpus ({SEED_CORPUS.relative_to(ROOT)}; cached after the first run)")
        if cached_extraction(settings).exists():
            console.print("  reusing the cached extraction (corpus and extractor unchanged)")
            extracted = seed_extraction(settings)
        else:
            with _bar("extract") as bar:
                extracted = seed_extraction(settings, lambda total: _ticker(bar, "extract", total))
        t = _step("ingesting (unchanged documents are skipped)")
        with _bar("ingest") as bar:
            total = sum(1 for _ in extracted.open(encoding="utf-8"))
            s = ingest_seed(db, settings, extracted, _ticker(bar, "ingest", total))
        console.print(
            f"  {s.written} written, {s.replaced} replaced, {s.skipped} unchanged, {len(s.failed)} failed "
            f"({time.perf_counter() - t:.0f} s)"
        )
        for failure in s.failed[:10]:
            err_console.print(f"  [yellow]failed[/] {failure}")
        t = _step("importing fictional transactions of the seed networks (money flows)")
        with _bar("money") as bar:
            task = bar.add_task("money", total=None)
            money, flags = load_money(db, settings, lambda n: bar.advance(task, n))
        console.print(
            f"  {money.evidence_added} new transfers, {money.unchanged} unchanged; {flags} red flags "
            f"(`lantern money flags`) ({time.perf_counter() - t:.0f} s)"
        )
        if not skip_analysis:
            t = _step("running analytics (networks, communities, centrality, risk)")
            console.print(f"  {analyze(db, settings)} ({time.perf_counter() - t:.0f} s)", highlight=False)
    token = demo_key(settings)
    console.print(f"[green]ready in {time.perf_counter() - started:.0f} s[/]")
    print_guide(settings, token, serving=not no_serve)
    if sock is None:
        return
    console.print("Serving the API — press [bold]Ctrl-C[/] to stop it (Neo4j keeps running).")
    run_api(sock, settings.api_host, settings.api_port)
    console.print("API stopped. Stop the database with: lantern neo4j stop")
