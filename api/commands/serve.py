"""`lantern serve`: the GraphQL API under uvicorn (GraphiQL at /graphql, /healthz, /readyz)."""

from __future__ import annotations

import socket
from pathlib import Path

import typer

from api.commands.common import console, fail

app = typer.Typer(
    help="Serve the GraphQL API.\n\nExample: lantern serve --port 8000", invoke_without_command=True
)

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def free_port_after(host: str, port: int, tries: int = 50) -> int | None:
    """The first port above `port` that nothing listens on (a suggestion for --port)."""
    for candidate in range(port + 1, min(port + 1 + tries, 65536)):
        try:
            bind_socket(host, candidate).close()
            return candidate
        except OSError:
            continue
    return None


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def claim_port(host: str, port: int, how: str = "lantern serve --port") -> socket.socket:
    """Bind the API's socket before anything says "ready"; a taken port is an error that says what to do."""
    try:
        return bind_socket(host, port)
    except OSError as exc:
        free = free_port_after(host, port)
        hint = f"`{how} {free}`" if free else f"`{how} <another port>`"
        fail(
            f"Port {port} on {host} is in use ({exc.strerror or exc}): another `lantern serve` or "
            f"`lantern demo` may be running (stop it), or serve on a free port: {hint}.",
            code=2,
        )


def run_api(sock: socket.socket, host: str, port: int, reload: bool = False) -> None:
    """uvicorn on the socket `claim_port` bound (no window for another process to take the port)."""
    import uvicorn

    if reload:  # the reloader binds in its own process
        sock.close()
        uvicorn.run("api.app:create_app", factory=True, host=host, port=port, reload=True)
        return
    config = uvicorn.Config("api.app:create_app", factory=True, host=host, port=port)
    uvicorn.Server(config).run(sockets=[sock])


def schema_sdl() -> str:
    """The GraphQL schema as SDL (what `schema.graphql` at the repository root must contain)."""
    from api.graphql.schema import build_schema

    return build_schema().as_str() + "\n"


@app.callback(invoke_without_command=True)
def serve(
    host: str = typer.Option(None, help="Interface to bind (default: LANTERN_API_HOST, 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default: LANTERN_API_PORT, 8000)."),
    reload: bool = typer.Option(False, "--reload", help="Restart on code changes (development)."),
    export_schema: Path = typer.Option(
        None, "--export-schema", help="Write the GraphQL SDL to this file (e.g. schema.graphql) and exit."
    ),
) -> None:
    """Serve the GraphQL API with uvicorn.

    Example: lantern keys create --role investigator --name anna && lantern serve --port 8000
    """
    if export_schema is not None:
        export_schema.write_text(schema_sdl(), encoding="utf-8")
        console.print(f"Wrote the GraphQL schema to [bold]{export_schema}[/].")
        return
    from api.config import get_settings

    s = get_settings()
    h, p = host or s.api_host, port or s.api_port
    sock = claim_port(h, p)
    console.print(
        f"Lantern API on [bold]http://{h}:{p}/[/] (GraphiQL at /graphql, link chart at /explore; "
        "send a Bearer key)."
    )
    run_api(sock, h, p, reload)
