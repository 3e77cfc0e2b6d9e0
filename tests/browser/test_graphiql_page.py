"""Headless Chromium under the API's Content-Security-Policy: GraphiQL (vendored assets, no CDN) and
/explore load without a CSP violation or a request to another host."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Served


def _watch(page: Any) -> tuple[list[str], list[str]]:
    violations: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on(
        "request",
        lambda r: foreign.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None,
    )
    return violations, foreign


def test_graphiql_runs_from_the_api_origin_under_its_csp(served: Served, chromium: Any) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    violations, foreign = _watch(page)
    page.goto(f"{served.base_url}/graphql", wait_until="networkidle")
    page.wait_for_selector(".graphiql-editors")  # React and GraphiQL ran from the API's origin
    assert violations == [] and foreign == []


def test_explore_page_loads_under_the_csp(served: Served, chromium: Any) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    violations, foreign = _watch(page)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{served.base_url}/explore", wait_until="networkidle")
    page.fill("#api-key", served.key)
    page.click("#save-key")
    page.fill("#search-input", "Drabek")
    page.click("#search-button")
    page.wait_for_selector("#results li")
    assert "Viktor Drabek" in page.inner_text("#results")
    assert violations == [] and foreign == [] and errors == []
