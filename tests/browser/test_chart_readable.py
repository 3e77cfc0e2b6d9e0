"""Headless Chromium: the link chart reads well at 5 and at 200 nodes (issue 24) — every label drawn overlaps
no other label or node, labels render at a readable size, the chart fits the screen beside the legend, and
identical display nodes are drawn once. The graphs are invented (window.lanternShow draws them as an
expansion would)."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import OUTPUT, Served

KINDS = ["Person", "Phone", "Business", "City", "Email"]


def graph(n: int) -> dict[str, list[dict[str, Any]]]:
    """n invented entities in clusters of ten around a hub, hubs in a ring."""
    nodes = [
        {"id": f"e{i}", "kind": KINDS[i % len(KINDS)], "caption": f"Entity {i} of {KINDS[i % len(KINDS)]}",
         "name": f"Entity {i}", "masked": False, "docCount": 1}
        for i in range(n)
    ]  # fmt: skip
    edges = []
    for i in range(n):
        hub = (i // 10) * 10
        if i != hub:
            edges.append({"id": f"r{i}", "type": "USES_PHONE", "source": f"e{hub}", "target": f"e{i}"})
    for h in range(0, n, 10):
        edges.append({"id": f"h{h}", "type": "ASSOCIATE_OF", "source": f"e{h}", "target": f"e{(h + 10) % n}"})
    return {"nodes": nodes, "edges": edges}


MEASURE = """() => {
  const cy = window.lanternCy;
  const shown = cy.nodes().filter(n => !n.hasClass('unlabelled'));
  const box = (n, label) => n.boundingBox({includeNodes: !label, includeEdges: false, includeLabels: label});
  const labels = shown.map(n => ({id: n.id(), b: box(n, true)}));
  const bodies = cy.nodes().map(n => ({id: n.id(), b: box(n, false)}));
  const hit = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  let overlaps = 0;
  for (const l of labels) {
    overlaps += labels.filter(o => o.id !== l.id && hit(l.b, o.b)).length;
    overlaps += bodies.filter(o => o.id !== l.id && hit(l.b, o.b)).length;
  }
  const r = cy.nodes().renderedBoundingBox({includeLabels: false});
  const legend = document.getElementById('legend').getBoundingClientRect();
  const canvas = document.getElementById('cy').getBoundingClientRect();
  return {nodes: cy.nodes().length, labelled: shown.length, overlaps,
          fontPx: parseFloat(cy.nodes()[0].style('font-size')) * cy.zoom(),
          inside: r.x1 >= 0 && r.y1 >= 0 && r.x2 <= cy.width() + 1 && r.y2 <= cy.height() + 1,
          besideLegend: r.x1 >= legend.right - canvas.left - 1,
          legend: document.getElementById('legend').innerText};
}"""


def test_the_chart_reads_well_at_5_and_at_200_nodes(served: Served, chromium: Any) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{served.base_url}/explore")
    page.wait_for_function("typeof window.lanternShow === 'function'")

    page.evaluate("(g) => window.lanternShow(g)", graph(5))
    small = page.evaluate(MEASURE)
    assert small["nodes"] == 5 and small["labelled"] == 5, small  # every label shown on a small chart
    assert small["overlaps"] == 0 and small["inside"] and small["besideLegend"], small
    assert small["fontPx"] >= 10, small
    page.screenshot(path=str(OUTPUT / "chart-5.png"))

    page.click("#clear")
    page.evaluate("(g) => window.lanternShow(g)", graph(200))
    large = page.evaluate(MEASURE)
    assert large["nodes"] == 200, large
    assert large["overlaps"] == 0, large  # no label over another label or node
    assert large["inside"] and large["besideLegend"], large  # fitted to the screen, not under the legend
    assert 10 <= large["fontPx"] <= 12, large  # labels render at a readable size when zoomed out
    assert large["labelled"] >= 20, large  # the hubs (most links) keep their labels
    hidden = 200 - large["labelled"]
    assert f"{hidden} label(s) hidden" in large["legend"], large["legend"]
    page.screenshot(path=str(OUTPUT / "chart-200.png"))
    assert not errors, errors
    page.close()


def test_identical_display_nodes_are_drawn_once_and_namesakes_are_not(served: Served, chromium: Any) -> None:
    page = chromium.new_page(viewport={"width": 1200, "height": 800}, bypass_csp=True)
    page.goto(f"{served.base_url}/explore")
    page.wait_for_function("typeof window.lanternShow === 'function'")
    same = {"caption": "Kestrel Wellness GmbH", "masked": False}
    people = {"kind": "Person", "caption": "Mira Holt", "masked": False}
    page.evaluate(
        "(g) => window.lanternShow(g)",
        {
            "nodes": [
                {"id": "business:kestrel", "kind": "Business", **same},
                {"id": "business:kestrel@addr", "kind": "FrontBusiness", **same},
                {"id": "person:mira holt", **people},
                {"id": "person:mira holt#2", **people},
            ],
            "edges": [
                {"id": "c1", "type": "POSSIBLY_SAME_AS", "source": "person:mira holt",
                 "target": "person:mira holt#2", "confidence": 0.6, "reason": "same normalised name"},
            ],
        },
    )  # fmt: skip
    assert page.evaluate("window.lanternCy.nodes().length") == 3  # one business node, two people
    merged = page.evaluate("window.lanternCy.getElementById('business:kestrel').data('mergedIds')")
    assert merged == ["business:kestrel", "business:kestrel@addr"]
    assert page.evaluate("window.lanternCy.nodes('.candidate-node').length") == 2
    assert "undecided duplicate candidate" in page.inner_text("#legend")
    page.evaluate("window.lanternCy.edges('.candidate')[0].emit('tap')")
    panel = page.inner_text("#candidate-panel")
    assert "may be the same Person" in panel and "Merge into person:mira holt" in panel
    page.click("#merge-candidate")  # no reason given: the page asks for one, nothing is sent
    assert "Give a reason first" in page.inner_text("#merge-result")
    page.close()
