"""Headless Chromium with every other host refused: the landing page, GraphiQL, the link chart and the guide
load and work from the API alone (issue 24: GraphiQL was a blank "Loading…" page without internet)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from tests.browser.conftest import OUTPUT, Served

LOCAL = {"127.0.0.1", "localhost"}


def offline_page(chromium: Any, refused: list[str], errors: list[str]) -> Any:
    """A page whose requests to any host but this machine are aborted and recorded."""
    # bypass_csp: the test's own `wait_for_function` strings are evaluated in the page, which the API's
    # script-src 'self' policy refuses; the pages themselves run under the policy in test_graphiql_page.
    page = chromium.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)

    def route(r: Any) -> None:
        host = urlsplit(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host in LOCAL:
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page


def test_graphiql_loads_and_runs_a_query_offline(served: Served, chromium: Any) -> None:
    refused: list[str] = []
    errors: list[str] = []
    page = offline_page(chromium, refused, errors)
    page.goto(f"{served.base_url}/graphql")
    # the headers GraphiQL keeps (shouldPersistHeaders) are set before it starts
    headers = json.dumps(json.dumps({"Authorization": f"Bearer {served.key}"}))
    page.evaluate(f"localStorage.setItem('graphiql:headers', {headers})")
    query = '{ search(text: "Drabek", limit: 3) { hits { matched entity { caption } } } }'
    page.goto(f"{served.base_url}/graphql?q={query}")
    page.wait_for_selector(".graphiql-execute-button", timeout=20000)
    assert "Loading GraphiQL" not in page.inner_text("body")
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        "document.querySelector('.result-window') &&"
        " document.querySelector('.result-window').textContent.includes('Viktor Drabek')",
        timeout=20000,
    )
    page.screenshot(path=str(OUTPUT / "graphiql-offline.png"))
    assert not refused, refused
    assert not errors, errors
    page.close()


def test_landing_explore_and_guide_load_offline(served: Served, chromium: Any) -> None:
    refused: list[str] = []
    errors: list[str] = []
    page = offline_page(chromium, refused, errors)
    page.goto(f"{served.base_url}/")
    links = page.eval_on_selector_all("a.card", "els => els.map(e => e.getAttribute('href'))")
    assert {"/explore", "/graphql", "/guide"} <= set(links)
    page.click("a.card[href='/guide']")
    page.wait_for_selector("main li a")
    page.click("main li a >> nth=0")
    page.wait_for_selector("main h1")
    page.goto(f"{served.base_url}/explore")
    page.wait_for_function("window.cytoscape !== undefined && window.d3 !== undefined")
    assert not refused, refused
    assert not errors, errors
    page.close()
