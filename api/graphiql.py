"""GraphiQL from the API's own origin: Strawberry's GraphiQL page with its scripts vendored.

Strawberry's page loads React and GraphiQL from unpkg.com and runs an inline script; on the origin
where GraphiQL and /explore keep the API key in localStorage, that is third-party code with the key in
reach. Here the same files (byte-identical: their sha384 equals Strawberry's `integrity` hashes, see
`static/graphiql/vendor/VERSIONS.md`) are served from `/graphiql/static/`, and the page script is a
file, so the page runs under the same Content-Security-Policy as every other response (api/guard.py).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse
from strawberry.fastapi import GraphQLRouter

STATIC_DIR = Path(__file__).resolve().parent / "static" / "graphiql"
_TYPES = {".js": "text/javascript", ".css": "text/css"}

router = APIRouter(tags=["graphiql"])


@router.get("/graphiql/static/{path:path}", include_in_schema=False)
def graphiql_static(path: str) -> FileResponse:
    try:  # a NUL byte or an over-long name raises before any check: that is "no such file" too
        target = (STATIC_DIR / path).resolve()
        found = target.is_file() and STATIC_DIR in target.parents and target.suffix in _TYPES
    except (ValueError, OSError):
        found = False
    if not found:
        raise HTTPException(404, f"No GraphiQL file '{path[:200]}'")
    return FileResponse(target, media_type=_TYPES[target.suffix], headers={"Cache-Control": "max-age=86400"})


class LanternGraphQLRouter(GraphQLRouter):
    """Strawberry's router with the local GraphiQL page."""

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse((STATIC_DIR / "index.html").read_text(encoding="utf-8"))
