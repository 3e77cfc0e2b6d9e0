"""`lantern demo`: Neo4j up, schema, seed ingested, analytics run, API serving; prints what to open."""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path
from typing import Any

import typer

from api.commands.common import console, err_console, fail

ROOT = Path(__file__).resolve().parents[2]
SEED_CORPUS = ROOT / "seed" / "corpus"
EXAMPLES = ROOT / "seed" / "demo"
DEMO_KEY_NAME = "demo"
DEMO_KEY_FILE = "demo-api-key.txt"
SEED_PHONE_REGION = "GB"
"""The seed is set in Europe and writes UK numbers nationally ("07700 900123"), as a UK analyst reads them."""


def demo_key(settings: Any) -> str:
    """Reuse the demo key saved in the state directory if it still authenticates; else create one."""
    from api.auth import authenticate, create_key, list_keys, revoke_key
    from api.state import StateStore

    store = StateStore.open(settings.state_path)
    saved = settings.state_path / DEMO_KEY_FILE
    if saved.exists():
        token = saved.read_text(encoding="utf-8").strip()
        if authenticate(store, f"Bearer {token}") is not None:
            return token
    names = {k.name: k for k in list_keys(store)}
    name = DEMO_KEY_NAME
    if name in names:  # key exists but its token was lost: retire it, make a fresh one
        if names[name].revoked_at is None:
            revoke_key(store, name)
        name = f"{DEMO_KEY_NAME}-{int(time.time())}"
    token = create_key(store, name, "investigator")
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(token + "\n", encoding="utf-8")
    saved.chmod(0o600)
    return token


def _step(label: str) -> float:
    console.print(f"[bold cyan]→[/] {label}")
    return time.perf_counter()


def _fingerprint() -> str:
    """Changes when the seed corpus or the extractor (code, patterns, model config) changes."""
    h = hashlib.sha256(SEED_PHONE_REGION.encode())
    files = sorted(SEED_CORPUS.glob("*.jsonl")) + sorted(
        p for p in (ROOT / "extraction").rglob("*") if p.is_file() and p.suffix in {".py", ".jsonl", ".json"}
    )
    for path in files:
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def seed_extraction(settings: Any) -> Path:
    """The seed corpus run through the extractor, cached by fingerprint: warm re-runs skip spaCy."""
    cached = settings.cache_dir / "demo" / f"seed-extract-{_fingerprint()}.jsonl"
    if cached.exists():
        console.print("  reusing the cached extraction (corpus and extractor unchanged)")
        return cached
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from extraction.models import ReadError
    from extraction.pipeline import Extractor
    from extraction.readers import read_inputs

    cached.parent.mkdir(parents=True, exist_ok=True)
    docs = [d for d in read_inputs([SEED_CORPUS]) if not isinstance(d, ReadError)]
    tmp = cached.with_suffix(".tmp")
    with Progress(TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console) as bar, tmp.open("w", encoding="utf-8") as out:  # fmt: skip
        task = bar.add_task("extract", total=len(docs))
        for result in Extractor(region=SEED_PHONE_REGION).extract_many(docs):
            out.write(result.model_dump_json() + "\n")
            bar.advance(task)
    tmp.replace(cached)
    for old in cached.parent.glob("seed-extract-*.jsonl"):  # keep only the current extraction
        if old != cached:
            old.unlink(missing_ok=True)
    return cached


def _ingest(db: Any, settings: Any, extracted: Path) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graph.ingest import ingest_paths

    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console) as bar:  # fmt: skip
        task = bar.add_task("ingest", total=sum(1 for _ in extracted.open(encoding="utf-8")))
        return ingest_paths(
            db,
            [extracted],
            batch_size=settings.ingest_batch_size,
            progress=lambda n: bar.advance(task, n),
            region=SEED_PHONE_REGION,
        )


def _analyze(db: Any, settings: Any) -> str:
    try:
        from graph.analytics import run_analysis
    except ImportError as exc:
        return f"[yellow]skipped[/] (analytics not available: {exc})"
    try:
        result = run_analysis(db, settings)
    except Exception as exc:  # the demo goes on: the data is loaded, the API still serves
        return f"[yellow]failed[/] ({type(exc).__name__}: {exc}); retry later with `lantern analyze`"
    return f"done (run {getattr(result, 'run_id', '?')})"


def print_guide(settings: Any, token: str, serving: bool) -> None:
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
) -> None:
    """One command: start Neo4j, apply the schema, ingest the seed, run analytics, serve the API.

    Re-running is fast and safe (unchanged documents are skipped). Ctrl-C stops the API;
    `lantern neo4j stop` stops the database.

    Example: lantern demo            |   lantern demo --no-serve
    """
    from api.config import get_settings
    from graph import neo4j_server
    from graph.db import Database, GraphUnavailableError
    from ontology.schema import apply_schema

    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)  # schema-less warnings are noise here
    settings = get_settings()
    started = time.perf_counter()
    t = _step("starting Neo4j (first run downloads and assembles it)")
    try:
        console.print(f"  {neo4j_server.start(settings)} ({time.perf_counter() - t:.0f} s)")
    except neo4j_server.Neo4jServerError as exc:
        fail(f"Neo4j did not start: {exc}. See `lantern neo4j status` and the log it names.")
    try:
        db = Database.connect(settings)
    except GraphUnavailableError as exc:
        fail(str(exc))
    with db:
        t = _step("applying the schema")
        apply_schema(db)
        console.print(f"  done ({time.perf_counter() - t:.0f} s)")
        t = _step(f"extracting the seed corpus ({SEED_CORPUS.relative_to(ROOT)}; cached after the first run)")
        extracted = seed_extraction(settings)
        t = _step("ingesting (unchanged documents are skipped)")
        s = _ingest(db, settings, extracted)
        console.print(
            f"  {s.written} written, {s.replaced} replaced, {s.skipped} unchanged, {len(s.failed)} failed "
            f"({time.perf_counter() - t:.0f} s)"
        )
        for failure in s.failed[:10]:
            err_console.print(f"  [yellow]failed[/] {failure}")
        if not skip_analysis:
            t = _step("running analytics (networks, communities, centrality, risk)")
            console.print(f"  {_analyze(db, settings)} ({time.perf_counter() - t:.0f} s)", highlight=False)
    token = demo_key(settings)
    console.print(f"[green]ready in {time.perf_counter() - started:.0f} s[/]")
    print_guide(settings, token, serving=not no_serve)
    if no_serve:
        return
    import uvicorn

    console.print("Serving the API — press [bold]Ctrl-C[/] to stop it (Neo4j keeps running).")
    try:
        uvicorn.run("api.app:create_app", factory=True, host=settings.api_host, port=settings.api_port)
    except OSError as exc:
        fail(f"Could not serve on {settings.api_host}:{settings.api_port}: {exc}. Set LANTERN_API_PORT.")
    console.print("API stopped. Stop the database with: lantern neo4j stop")
