"""Every page the API serves works offline: no script, style, image, frame or fetch names another host.

The test crawls from `/` (landing, GraphiQL, link chart, guide, Browser guide), follows every local asset,
and checks each file:
- HTML: no attribute (src, href, action, srcset, style url()) points at another host; text may show URLs.
- our own JS/CSS: no http(s) URL to another host at all (XML namespaces excepted, they are never fetched);
- vendored JS/CSS (`/vendor/`): byte-identical to the published npm build (SHA-384 for GraphiQL's files) and
  the hosts named in their comments and error texts are exactly the reviewed set below (none is requested:
  tests/browser/test_pages_offline.py loads every page with all other hosts refused).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.config import Settings
from api.pages import GRAPHIQL_DIR

LOCAL_HOSTS = {"testserver", "127.0.0.1", "localhost"}
NAMESPACES = {"www.w3.org"}  # xmlns="http://www.w3.org/2000/svg": an identifier, never fetched
# Hosts only in licence comments, error-decoder links and documentation strings of the vendored builds.
VENDOR_TEXT_HOSTS = {
    "a", "bugs.chromium.org", "codemirror.net", "commonmark.org", "d3js.org", "daringfireball.net",
    "datatracker.ietf.org", "developer.mozilla.org", "en.wikipedia.org", "engelschall.com", "esbench.com",
    "example.org", "expressjs.com", "floating-ui.com", "foo", "foo.com", "gist.github.com", "github.com",
    "github.github.com", "graphiql-test.netlify.app", "highlightjs.org", "host", "html.spec.whatwg.org",
    "json-schema.org", "marijnhaverbeke.nl", "mathiasbynens.be", "microsoft.github.io", "opensource.org",
    "radix-ui.com", "reactjs.org", "serverfault.com", "spec.commonmark.org", "spec.graphql.org", "test1",
    "tools.ietf.org", "trac.webkit.org", "unicode.org", "webpack.js.org", "www.framer.com",
    "www.nayuki.io", "www.onegraph.com", "www.w3.org", "yarnpkg.com",
}  # fmt: skip
# The digests strawberry-graphql pins for the same npm files on its CDN page (see vendor/VERSIONS.md).
VENDORED = {
    "react.production.min.js": "tMH8h3BGESGckSAVGZ82T9n90ztNXxvdwvdM6UoR56cYcf+0iGXBliJ29D+wZ/x8",
    "react-dom.production.min.js": "bm7MnzvK++ykSwVJ2tynSE5TRdN+xL418osEVF2DE/L/gfWHj91J2Sphe582B1Bh",
    "graphiql.min.js": "HbRVEFG0JGJZeAHCJ9Xm2+tpknBQ7QZmNlO/DgZtkZ0aJSypT96YYGRNod99l9Ie",
    "graphiql.min.css": "Mq3vbRBY71jfjQAt/DcjxUIYY33ksal4cgdRt9U/hNPvHBCaT2JfJ/PTRiPKf0aM",
    "plugin-explorer.umd.js": "2oonKe47vfHIZnmB6ZZ10vl7T0Y+qrHQF2cmNTaFDuPshpKqpUMGMc9jgj9MLDZ9",
    "plugin-explorer.css": "5DFJlDPW2tSATRbM8kzoP1j194jexLswuNmClWoRr2Q0x7R68JIQzPHZ02Faktwi",
}
_URL = re.compile(r"https?://([A-Za-z0-9.-]+)")
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
PAGES = ["/", "/graphql", "/explore", "/guide", "/browser-guide/lantern.html"]


class _Attrs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if not value:
                continue
            if name in {"src", "href", "action", "poster", "data", "formaction"}:
                self.refs.append((tag, name, value))
            elif name == "srcset":
                self.refs += [(tag, name, part.split()[0]) for part in value.split(",") if part.strip()]
            elif name == "style":
                self.refs += [(tag, name, u) for u in _CSS_URL.findall(value)]


def _host(url: str) -> str | None:
    parts = urlsplit(url)
    return parts.hostname if parts.scheme in {"http", "https"} else None


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    s = Settings(neo4j_uri="bolt://127.0.0.1:1", state_dir=tmp_path_factory.mktemp("state"))
    return TestClient(create_app(s))


def crawl(client: TestClient) -> dict[str, str]:
    """Every page and same-origin asset reachable from PAGES (and the guide index), by path."""
    seen: dict[str, str] = {}
    todo = list(PAGES)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        response = client.get(path, headers={"Accept": "text/html"})
        assert response.status_code == 200, (path, response.status_code)
        seen[path] = response.text
        if "html" not in response.headers["content-type"]:
            continue
        parser = _Attrs()
        parser.feed(response.text)
        for _tag, _attr, value in parser.refs:
            target = urljoin(f"http://testserver{path}", value)
            if _host(target) == "testserver" and urlsplit(target).path not in {"/healthz", "/readyz"}:
                todo.append(urlsplit(target).path)
    return seen


def test_every_page_and_asset_is_served_locally(client: TestClient) -> None:
    served = crawl(client)
    assert {"/graphiql/static/vendor/graphiql.min.js", "/explore/static/vendor/cytoscape.min.js"} <= set(
        served
    )
    assert "/static/pages.css" in served and any(p.startswith("/guide/") for p in served)
    problems = []
    for path, text in served.items():
        if path.endswith((".js", ".css", ".svg", ".json")) or not text.lstrip().startswith("<"):
            hosts = set(_URL.findall(text))
            allowed = VENDOR_TEXT_HOSTS if "/vendor/" in path else NAMESPACES | LOCAL_HOSTS
            problems += [f"{path}: names {h}" for h in sorted(hosts - allowed)]
            if path.endswith(".css"):
                problems += [f"{path}: url({u})" for u in _CSS_URL.findall(text) if _host(u) not in {None}]
            continue
        parser = _Attrs()
        parser.feed(text)
        for tag, attr, value in parser.refs:
            host = _host(urljoin("http://testserver/", value))
            if host is not None and host not in LOCAL_HOSTS:
                problems.append(f"{path}: <{tag} {attr}={value}>")
    assert not problems, "\n".join(problems)


def test_graphiql_is_the_vendored_build_unchanged(client: TestClient) -> None:
    page = client.get("/graphql", headers={"Accept": "text/html"}).text
    assert "unpkg.com" not in page and "cdn" not in page.lower()
    for name, digest in VENDORED.items():
        data = (GRAPHIQL_DIR / "vendor" / name).read_bytes()
        assert base64.b64encode(hashlib.sha384(data).digest()).decode() == digest, name
        assert f'/graphiql/static/vendor/{name}"' in page and f"sha384-{digest}" in page  # SRI kept


def test_cdn_documentation_pages_are_off(client: TestClient) -> None:
    """FastAPI's Swagger UI (/docs) and ReDoc (/redoc) load their scripts from a CDN."""
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_landing_page_links_what_exists(client: TestClient) -> None:
    page = client.get("/").text
    for href in ('href="/graphql"', 'href="/explore"', 'href="/guide"'):
        assert href in page
    routes = {getattr(r, "path", "") for r in client.app.routes}  # type: ignore[attr-defined]
    assert ('href="/report"' in page) == ("/report" in routes)
    guide = client.get("/guide").text
    assert 'href="/guide/platform"' in guide
    assert client.get("/guide/platform").status_code == 200
    assert client.get("/guide/nope").status_code == 404
    assert client.get("/graphiql/static/../pages.py").status_code == 404


def test_static_paths_cannot_leave_their_folder(client: TestClient) -> None:
    for path in ("/static/../pages.py", "/graphiql/static/..%2F..%2Fpages.py", "/static/%2e%2e/app.py"):
        assert client.get(path).status_code == 404, path
    assert Path(GRAPHIQL_DIR / "index.html").is_file()
