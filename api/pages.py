"""The landing page (`/`), GraphiQL with local assets (`/graphql` in a browser) and the user guide (`/guide`).

Every asset a page loads is a file of this package (`api/static/`): the pages work with no internet and
under a same-origin Content-Security-Policy. GraphiQL is strawberry's page with its CDN scripts replaced by
the vendored npm builds (`api/static/graphiql/vendor/VERSIONS.md`); `tests/unit/test_local_assets.py`
fails when any served page names another host as a script, style, image or fetch target.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse
from strawberry.fastapi import GraphQLRouter

from graph.config import REPO_ROOT

STATIC_DIR = Path(__file__).resolve().parent / "static"
GRAPHIQL_DIR = STATIC_DIR / "graphiql"
PAGES_DIR = STATIC_DIR / "pages"
_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".html": "text/html"}
_NO_CACHE = {"Cache-Control": "no-cache"}

router = APIRouter(tags=["pages"])


class LocalGraphiQLRouter(GraphQLRouter):
    """strawberry's GraphQL router whose browser page loads GraphiQL from this package, not a CDN."""

    @property
    def graphql_ide_html(self) -> str:
        return (GRAPHIQL_DIR / "index.html").read_text(encoding="utf-8")


def static_file(base: Path, path: str) -> FileResponse:
    target = (base / path).resolve()
    if not target.is_file() or base.resolve() not in target.parents:
        raise HTTPException(404, f"No static file '{path}'.")
    return FileResponse(target, media_type=_TYPES.get(target.suffix, "application/octet-stream"))


@router.get("/graphiql/static/{path:path}", include_in_schema=False)
def graphiql_static(path: str) -> FileResponse:
    return static_file(GRAPHIQL_DIR, path)


@router.get("/static/{path:path}", include_in_schema=False)
def page_static(path: str) -> FileResponse:
    return static_file(PAGES_DIR, path)


def _page(title: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="/static/lantern.svg" type="image/svg+xml">'
        '<link rel="stylesheet" href="/static/pages.css"></head><body>'
        '<header><img src="/static/lantern.svg" alt=""><strong>Lantern</strong>'
        '<a href="/">home</a><a href="/guide">guide</a></header>'
        f"<main>{body}</main></body></html>",
        headers=_NO_CACHE,
    )


def _has_route(request: Request, path: str) -> bool:
    return any(getattr(r, "path", None) == path for r in request.app.routes)


def _card(href: str, title: str, text: str) -> str:
    return f'<a class="card" href="{href}"><h2>{title}</h2><p>{text}</p></a>'


@router.get("/", include_in_schema=False)
def landing(request: Request) -> HTMLResponse:
    settings = request.app.state.lantern.settings
    cards = [
        _card("/explore", "Link chart", "Search a name, phone or email, expand its network, read the "
              "evidence of each link; hotspots and routes on a map."),
        _card("/graphql", "GraphiQL", "Write and run GraphQL queries with completion and the schema's "
              "documentation (set your API key under Headers)."),
    ]  # fmt: skip
    if _has_route(request, "/report"):
        cards.append(_card("/report", "Report a sighting", "The anonymous sighting form."))
    cards.append(_card("/guide", "User guide", "How to run the demo, search, read risk and networks, "
                       "use the CLI and Neo4j Browser."))  # fmt: skip
    browser = f"http://localhost:{settings.neo4j_http_port}/browser/"
    body = (
        "<h1>Lantern</h1><p>A knowledge graph of trafficking indicators, people, businesses, places and the "
        "identifiers that link them. Every page here is served by this API; nothing is loaded from the "
        'internet.</p><div class="cards">' + "".join(cards) + "</div>"
        f'<p class="muted">Neo4j Browser (Cypher, the Lantern guide): <a href="{browser}">{browser}</a> '
        "· an API key: <code>lantern keys create --role analyst --name you</code> · "
        '<a href="/healthz">/healthz</a> · <a href="/readyz">/readyz</a></p>'
    )
    return _page("Lantern", body)


DOCS_DIR = REPO_ROOT / "docs"
SECTIONS = {"guide": "User guide", "design": "Design notes"}
_MD_LINK = re.compile(r'href="([^"#:/][^"#:]*)(#[^"]*)?"')  # relative links


def doc_pages(section: str) -> dict[str, Path]:
    """Pages of a docs section by name; the guide also holds the top-level pages (docs/graph-model.md)."""
    paths = sorted((DOCS_DIR / section).glob("*.md"))
    if section == "guide":
        paths += sorted(DOCS_DIR.glob("*.md"))
    return {p.stem: p for p in paths}


def _route(path: Path) -> str:
    section = path.parent.name if path.parent.name in SECTIONS else "guide"
    return f"/{section}/{path.stem}"


def _local_links(rendered: str, page: Path) -> str:
    """Relative links between the Markdown files become links between the served pages (other files of the
    repository stay text: the server does not serve its source tree)."""

    def swap(match: re.Match[str]) -> str:
        target = (page.parent / match.group(1)).resolve()
        if (
            DOCS_DIR.resolve() not in target.parents or target.suffix != ".md"
        ):  # a file of the repository, not a page: plain text
            return f'title="{html.escape(str(target.relative_to(REPO_ROOT.resolve())))} in the repository"'
        return f'href="{_route(target)}{match.group(2) or ""}"'

    return _MD_LINK.sub(swap, rendered)


def _title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def _section_index(section: str) -> HTMLResponse:
    items = "".join(
        f'<li><a href="/{section}/{name}">{html.escape(_title(p))}</a></li>'
        for name, p in doc_pages(section).items()
    )
    if not items:
        items = "<li>The documentation is in the source tree (docs/); this installation has no copy.</li>"
    other = next(k for k in SECTIONS if k != section)
    return _page(
        f"Lantern — {SECTIONS[section]}",
        f'<h1>{SECTIONS[section]}</h1><ul>{items}</ul><p><a href="/{other}">{SECTIONS[other]}</a></p>',
    )


def _section_page(section: str, name: str) -> HTMLResponse:
    from markdown_it import MarkdownIt

    page = doc_pages(section).get(name.removesuffix(".md"))
    if page is None:
        raise HTTPException(404, f"No page '{name}'; the pages are listed at /{section}.")
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    return _page(_title(page), _local_links(md.render(page.read_text(encoding="utf-8")), page))


@router.get("/guide", include_in_schema=False)
def guide_index() -> HTMLResponse:
    return _section_index("guide")


@router.get("/guide/{name}", include_in_schema=False)
def guide_page(name: str) -> HTMLResponse:
    return _section_page("guide", name)


@router.get("/design", include_in_schema=False)
def design_index() -> HTMLResponse:
    return _section_index("design")


@router.get("/design/{name}", include_in_schema=False)
def design_page(name: str) -> HTMLResponse:
    return _section_page("design", name)
