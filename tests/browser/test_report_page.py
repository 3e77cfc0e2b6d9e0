"""A Key Judgement Report's HTML in headless Chromium, offline: every section renders, the map is drawn,
no script error, no request leaves the file (issue 27: "renders cleanly, tested in headless Chromium")."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from graph import privacy
from graph.report.build import Request, build_report
from graph.report.render import write
from seed.scenarios import as_extracted, generate
from tests.browser.conftest import OUTPUT

SECTIONS = [
    "Summary",
    "Key judgements", "Hotspots", "Routes", "Forms of trafficking", "Indicators",
    "Networks that appeared, grew or went quiet", "Sectors and businesses exposed", "Intelligence gaps",
    "Recommended prevention targeting", "How this report was made",
]  # fmt: skip


def test_report_html_renders_every_section_offline(chromium: Any, tmp_path: Path) -> None:
    privacy.configure("test-secret-27")
    rows = as_extracted(generate(7, months=30, n_emerging=8, n_routes=6, route_peak=10.0))
    report = build_report(rows, Request(date(2024, 4, 1), date(2024, 6, 30), role="auditor"))
    html = tmp_path / "kjr.html"
    write(report, html)
    refused: list[str] = []
    errors: list[str] = []
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
               else (refused.append(r.request.url), r.abort()))  # fmt: skip
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(html.as_uri())
    headings = [h.strip() for h in page.locator("h2").all_inner_texts()]
    assert all(any(h.startswith(s) for h in headings) for s in SECTIONS), headings
    judgements = report["key_judgements"]
    assert isinstance(judgements, list) and 3 <= len(judgements) <= 8
    body = page.inner_text("body")
    assert all(str(j["text"])[:60] in body for j in judgements)
    assert not re.search(r"\b(None|nan)\b", body)  # an empty cell reads "—"
    assert page.locator("svg circle").count() >= 3  # the hotspot map, drawn inline
    assert "Outlook for July 2024" in body  # the routes' next-period outlook
    box = page.locator("svg").first.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 100
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "kjr-report.png"), full_page=True)
    assert not refused, refused
    assert not errors, errors
    page.close()
