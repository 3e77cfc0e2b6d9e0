"""`lantern serve`: the GraphQL API under uvicorn (GraphiQL at /graphql, /healthz, /readyz)."""

from __future__ import annotations

from pathlib import Path

import typer

from api.commands.common import console, fail

app = typer.Typer(
    help="Serve the GraphQL API.\n\nExample: lantern serve --port 8000", invoke_without_command=True
)

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


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
    import uvicorn

    from api.config import get_settings

    s = get_settings()
    h, p = host or s.api_host, port or s.api_port
    console.print(
        f"Lantern API on [bold]http://{h}:{p}/graphql[/] (GraphiQL in a browser; send a Bearer key)."
    )
    try:
        uvicorn.run("api.app:create_app", factory=True, host=h, port=p, reload=reload)
    except OSError as exc:
        fail(f"Could not serve on {h}:{p}: {exc}. Pick another --port.")
