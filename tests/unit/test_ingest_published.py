"""A scraped press-release page keeps its publication date from the reader to the Document row (no DB).

Invented pages in the two layouts of the county DA site: "Published / <date>" in the page header, and
"FOR IMMEDIATE RELEASE / Date: <date>" (newer releases, no "Published" block).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extraction.models import ExtractionResult
from extraction.readers import read_text_file
from graph.db import FakeRunner
from graph.ingest import ingest_results

HEADER = "Scroll to top\nFollow Us\nSkip to content\nSearch for\nPress\n4 min read\n"
BODY = (
    "SANTA ANA – A fictional man, Zed Example, was charged today with pimping after officers found"
    " advertisements listing 555-0142 on example.com.\nThe case is ongoing.\nShare\nLatest Posts\n"
)
OLD_LAYOUT = (
    "MAN CHARGED WITH PIMPING - Example County District Attorney\n" + HEADER
    + "MAN CHARGED WITH PIMPING\nAuthor\nPat Example\nPublished\nMay 8, 2014\nHome\nPress\n"
    + "MAN CHARGED WITH PIMPING\nFor Immediate Release\nMay 7, 2014\nOffice: 555-0100\n"
    + "MAN CHARGED WITH PIMPING\n" + BODY
)  # fmt: skip
NEW_LAYOUT = (
    "Man Charged With Pimping - Example County District Attorney\n" + HEADER + "Home\nPress\n"
    + "Man Charged With Pimping\nFOR IMMEDIATE RELEASE\nDate: January 14, 2026\nCase #: 26XX0001\n"
    + "PRESS RELEASE\n" + BODY
)  # fmt: skip


LAYOUTS = [(OLD_LAYOUT, date(2014, 5, 8)), (NEW_LAYOUT, date(2026, 1, 14))]


@pytest.mark.parametrize(("page", "expected"), LAYOUTS)
def test_press_release_date_reaches_the_document_row(tmp_path: Path, page: str, expected: date) -> None:
    path = tmp_path / "press_man-charged-with-pimping.txt"
    path.write_text(page, encoding="utf-8")
    doc = read_text_file(path)
    assert doc.published == expected.isoformat()
    assert "Published" not in doc.text and doc.text.startswith(doc.title or "?")
    result = ExtractionResult(
        id=doc.id, text=doc.text, title=doc.title, published=doc.published, source=doc.source,
        doc_type=doc.doc_type, extractor_version="test",
    )  # fmt: skip
    runner = FakeRunner()
    summary = ingest_results(runner, [result])
    assert summary.written == 1 and not summary.failed
    (rows,) = [p["rows"] for name, _, p in runner.calls if name == "ingest/merge_documents"]
    # ISO text; ingest/merge_documents stores date() (tests/integration/test_ingest_graph.py checks the type)
    assert rows[0]["published"] == expected.isoformat()
