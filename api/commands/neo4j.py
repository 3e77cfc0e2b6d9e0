"""`lantern neo4j setup|start|stop|status|logs` — the local Neo4j server (no Docker needed)."""

from __future__ import annotations

import time

import typer
from rich.table import Table

from api.commands.common import console, fail
from api.config import get_settings
from graph import neo4j_server as server

app = typer.Typer(
    help=(
        "Run a local Neo4j 5.26 + GDS + APOC + Browser built from Maven Central.\n\n"
        "Example: lantern neo4j start && lantern neo4j status"
    ),
    no_args_is_help=True,
)


@app.command()
def setup() -> None:
    """Assemble the Neo4j build (Maven Central, once; cached).

    Example: lantern neo4j setup
    """
    s = get_settings()
    if server.is_assembled(s):
        console.print(f"Neo4j build already present in {server.build_dir(s)}")
        return
    t0 = time.monotonic()
    with console.status("Downloading Neo4j, GDS, APOC and Browser from Maven Central (first time only)..."):
        try:
            path = server.assemble(s, quiet=True)
        except server.Neo4jServerError as exc:
            fail(str(exc))
    console.print(f"Neo4j assembled in {path} ({time.monotonic() - t0:.0f}s)")


@app.command()
def start() -> None:
    """Start Neo4j on 127.0.0.1 (Bolt 7687, HTTP 7474) and set the password from NEO4J_PASSWORD.

    Safe to run twice: a running server is left alone.

    Example: lantern neo4j start
    """
    s = get_settings()
    try:
        if not server.is_assembled(s):
            setup()
        with console.status("Starting Neo4j..."):
            msg = server.start(s)
    except server.Neo4jServerError as exc:
        fail(str(exc))
    console.print(msg)
    console.print(
        f"Browser: http://127.0.0.1:{s.neo4j_http_port}/browser/  "
        f"(user {s.neo4j_user}, password from NEO4J_PASSWORD)"
    )


@app.command()
def stop() -> None:
    """Stop the local Neo4j (data is kept). Safe when it is not running.

    Example: lantern neo4j stop
    """
    console.print(server.stop(get_settings()))


@app.command()
def status() -> None:
    """Versions (Neo4j, GDS, APOC), ports, data directory and whether the Browser is served.

    Exit code 0 when running and answering, 3 when not running, 4 when running but not answering
    (e.g. a wrong NEO4J_PASSWORD: the reason is printed).

    Example: lantern neo4j status
    """
    s = get_settings()
    st = server.status(s)
    v = server.load_versions()
    t = Table(show_header=False, box=None)
    t.add_row("state", f"[green]{st.message}[/]" if st.answering else f"[yellow]{st.message}[/]")
    if st.pid:
        t.add_row("pid", str(st.pid))
    t.add_row("bolt", f"bolt://127.0.0.1:{st.bolt_port}")
    t.add_row(
        "http",
        f"http://127.0.0.1:{st.http_port}/browser/ ({'served' if st.browser_served else 'not served'})",
    )
    t.add_row("neo4j", st.versions.get("neo4j", f"{v.neo4j} (pinned)"))
    t.add_row("gds", st.versions.get("gds", f"{v.gds} (pinned)"))
    t.add_row("apoc", st.versions.get("apoc", f"{v.apoc} (pinned)"))
    t.add_row(
        "build", f"{st.build_dir} ({'assembled' if st.assembled else 'not assembled: lantern neo4j setup'})"
    )
    t.add_row("data", str(st.data_dir))
    console.print(t)
    if not st.running:
        raise typer.Exit(3)
    if not st.answering:
        fail(st.message, code=4)


@app.command()
def logs(lines: int = typer.Option(40, help="How many lines to show.")) -> None:
    """Show the end of the Neo4j console log.

    Example: lantern neo4j logs --lines 100
    """
    f = server.log_file(get_settings())
    if not f.exists():
        fail(f"No log yet at {f}; start Neo4j first with `lantern neo4j start`.")
    console.print("\n".join(f.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]))
