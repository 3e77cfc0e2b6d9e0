"""Headless Chromium: the link-chart page (search, expand, evidence panel, map) and Neo4j Browser."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import OUTPUT, Served


def test_explore_search_expand_and_edge_evidence(served: Served, chromium: Any) -> None:
    # bypass_csp: the test's own `wait_for_function` strings are evaluated in the page, which the API's
    # CSP (no eval) refuses; the page itself under the CSP: test_graphiql_page.py
    page = chromium.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{served.base_url}/explore")
    page.fill("#api-key", served.key)
    page.click("#save-key")
    page.fill("#search-input", "Drabek")
    page.click("#search-button")
    page.wait_for_selector("#results li")
    assert "Viktor Drabek" in page.inner_text("#results")
    page.click("#results li >> text=Viktor Drabek")
    page.wait_for_function("window.lanternCy.nodes().length > 2 && window.lanternCy.edges().length > 1")
    labels = page.evaluate("window.lanternCy.nodes().map(n => n.data('label'))")
    assert "Viktor Drabek" in labels and "Lena Morava" in labels
    assert int(page.inner_text("#node-count")) == len(labels)
    # issue 24: a legend names every colour on the chart, and the chart is fitted to the screen
    legend = page.inner_text("#legend")
    assert legend.startswith("type") and "Person" in legend
    box = page.evaluate("window.lanternCy.elements().renderedBoundingBox()")
    width, height = page.evaluate("[window.lanternCy.width(), window.lanternCy.height()]")
    assert box["x1"] >= 0 and box["y1"] >= 0 and box["x2"] <= width + 1 and box["y2"] <= height + 1
    page.screenshot(path=str(OUTPUT / "explore-chart.png"))

    # click (tap) the RECRUITED edge → the evidence panel shows its snippet and document
    page.evaluate(
        "window.lanternCy.edges().filter(e => e.data('type') === 'RECRUITED'"
        " && e.target().data('label') === 'Lena Morava')[0].emit('tap')"
    )
    page.wait_for_selector("#evidence-panel blockquote")
    panel = page.inner_text("#evidence-panel")
    assert "RECRUITED" in panel and "recruited Lena Morava" in panel and "lib-doc-1" in panel
    page.screenshot(path=str(OUTPUT / "explore-evidence.png"))

    # colour by community switches node colours without errors
    page.select_option("#colour-by", "community")
    assert page.inner_text("#legend").startswith("community")
    page.click("#tab-map")
    page.wait_for_function("document.querySelectorAll('#map path.land').length > 100")
    page.wait_for_function("document.getElementById('map-legend').textContent.includes('hotspot')")
    # Brasov (RO), Leeds (GB), Calais (FR): three hotspots and the Brasov → Leeds route are drawn
    assert page.locator("#map circle.hotspot").count() == 3
    assert page.locator("#map path.route").count() == 1
    page.screenshot(path=str(OUTPUT / "explore-map.png"))
    assert not errors, errors
    page.close()


def test_explore_without_key_says_what_to_do(served: Served, chromium: Any) -> None:
    page = chromium.new_page()
    page.goto(f"{served.base_url}/explore")
    page.evaluate("localStorage.clear()")
    page.fill("#search-input", "Drabek")
    page.click("#search-button")
    page.wait_for_selector("#status.error")
    assert "API key" in page.inner_text("#status")
    page.close()


def test_neo4j_browser_loads_plays_the_guide_and_applies_the_style(served: Served, chromium: Any) -> None:
    """What the README tells an analyst to do: open Browser, connect, `:guide <url>`, `:style <url>`."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"http://127.0.0.1:{served.settings.neo4j_http_port}/browser/")
    page.wait_for_selector("[data-testid='password']", timeout=60_000)
    assert "Neo4j Browser" in page.title()
    page.screenshot(path=str(OUTPUT / "neo4j-browser.png"))
    page.fill("[data-testid='username']", served.settings.neo4j_user)
    page.fill("[data-testid='password']", served.settings.password)
    page.click("[data-testid='connect']")
    page.wait_for_selector("text=Connected to Neo4j", timeout=30_000)
    api = served.base_url.replace("127.0.0.1", "localhost")  # on Browser's default allow-list

    def run(command: str) -> None:
        page.locator("[data-testid='activeEditor'] textarea, .monaco-editor textarea").first.focus()
        page.keyboard.type(command)
        page.keyboard.press("Enter")

    run(f":guide {api}/browser-guide/lantern.html")
    page.wait_for_selector("text=Lantern — investigating trafficking networks", timeout=20_000)
    assert page.locator("text=Lantern investigation guide").count() == 1
    run(f":style {api}/browser-guide/lantern.grass")
    page.wait_for_selector("text=FrontBusiness", timeout=20_000)
    page.screenshot(path=str(OUTPUT / "neo4j-browser-guide-style.png"))
    page.close()


def test_guide_and_grass_are_served_for_neo4j_browser(served: Served) -> None:
    import httpx

    guide = httpx.get(f"{served.base_url}/browser-guide/lantern.html")
    assert guide.status_code == 200 and guide.headers["access-control-allow-origin"] == "*"
    assert "<slide>" in guide.text and ":style http://localhost:" in guide.text
    grass = httpx.get(f"{served.base_url}/browser-guide/lantern.grass")
    assert grass.status_code == 200 and "node.Person" in grass.text
