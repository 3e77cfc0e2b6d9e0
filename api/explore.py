"""The link-chart page (`/explore`) and the Neo4j Browser guide + stylesheet (`/browser-guide/...`).

The page is static HTML/JS (vendored cytoscape, d3-geo, topojson-client and a world-atlas outline under
`api/static/explore/`) that talks to `/graphql` with the API key the user pastes. The guide and GraSS are
fetched cross-origin by Neo4j Browser (http://localhost:7474 → the API), hence the CORS header on them.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)

STATIC_DIR = Path(__file__).resolve().parent / "static" / "explore"
GRASS_FILE = Path(__file__).resolve().parent.parent / "ontology" / "lantern.grass"
_CORS = {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache"}
_TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".html": "text/html"}

router = APIRouter(tags=["explore"])


@router.get("/explore", include_in_schema=False)
def explore_page() -> FileResponse:
    return FileResponse(
        STATIC_DIR / "index.html", media_type="text/html", headers={"Cache-Control": "no-cache"}
    )


@router.get("/explore/", include_in_schema=False)
def explore_slash() -> RedirectResponse:
    return RedirectResponse("/explore")


@router.get("/explore/colours.json", include_in_schema=False)
def explore_colours() -> JSONResponse:
    """Node colour of every graph label, from the ontology (`lt:colour`, inherited by subclasses)."""
    from ontology import load_ontology

    return JSONResponse(load_ontology().colours())


@router.get("/explore/static/{path:path}", include_in_schema=False)
def explore_static(path: str) -> FileResponse:
    try:  # a NUL byte or an over-long name raises before any check: that is "no such file" too
        target = (STATIC_DIR / path).resolve()
        found = target.is_file() and STATIC_DIR in target.parents
    except (ValueError, OSError):
        found = False
    if not found:
        raise HTTPException(404, f"No static file '{path[:200]}' under /explore/static/")
    return FileResponse(target, media_type=_TYPES.get(target.suffix, "application/octet-stream"))


def _api_base(request: Request) -> str:
    """Base URL for links inside the guide; 127.0.0.1 becomes localhost (on Browser's default allow-list)."""
    base = str(request.base_url).rstrip("/")
    return base.replace("://127.0.0.1", "://localhost")


@router.options("/browser-guide/{name}", include_in_schema=False)
def browser_guide_preflight(name: str, request: Request) -> Response:
    """CORS preflight: Neo4j Browser fetches guides with `pragma`/`cache-control` headers (not "simple")."""
    headers = {
        **_CORS,
        "Access-Control-Allow-Methods": "GET, OPTIONS",
        "Access-Control-Allow-Headers": request.headers.get("access-control-request-headers", "*"),
        "Access-Control-Max-Age": "600",
    }
    return Response(status_code=204, headers=headers)


@router.get("/browser-guide/lantern.html", include_in_schema=False)
def browser_guide(request: Request) -> HTMLResponse:
    from graph.library_guide import render_guide

    return HTMLResponse(render_guide(_api_base(request)), headers=_CORS)


@router.get("/browser-guide/lantern.grass", include_in_schema=False)
def browser_grass() -> PlainTextResponse:
    try:
        from ontology.grass import grass_text

        text = grass_text()
    except ImportError as exc:
        if not GRASS_FILE.exists():
            raise HTTPException(
                404, "No GraSS stylesheet yet: run `lantern schema grass --out ontology/lantern.grass`"
            ) from exc
        text = GRASS_FILE.read_text(encoding="utf-8")
    return PlainTextResponse(text, headers=_CORS)
