"""A report's cited snippets: cut at spaces around the place, masked for the reader's role."""

from __future__ import annotations

import pytest

from graph import privacy
from graph.report.evidence import SNIPPET, Doc, parse, snippet

NAME = "Marta Fictivna"


def _doc(before: str, after: str) -> Doc:
    text = before + "Santa Ana" + after
    at = len(before)
    person = text.index(NAME) if NAME in text else None
    ents: list[dict[str, object]] = [{"type": "City", "value": "Santa Ana", "start": at, "end": at + 9}]
    if person is not None:
        ents.append({"type": "Person", "value": NAME, "start": person, "end": person + len(NAME)})
    (doc,) = parse([{"id": "d", "published": "2016-12-19", "text": text, "entities": ents}])
    return doc


@pytest.mark.parametrize("shift", range(0, 14))
def test_a_snippet_starts_and_ends_on_a_whole_word(shift: int) -> None:
    privacy.configure("test-secret-27")
    # the window's edges fall inside "FRESNO" and "prison" at some shift or other
    before = "x" * shift + " FRESNO MAN SENTENCED TO FIVE YEARS IN PRISON " * 4
    doc = _doc(before, ", Calif. – A Fresno man was sentenced today to five years in state prison " * 4)
    cut = snippet(doc, "analyst", "Santa Ana")
    words = set(doc.text.split())
    assert cut.startswith("…") and cut.endswith("…") and "Santa Ana" in cut
    assert all(w in words for w in cut.strip("…").split()), cut
    assert len(cut) <= 2 * SNIPPET + 2


@pytest.mark.parametrize("cut_into", range(1, len(NAME)))
def test_no_fragment_of_a_masked_name_survives_the_window_edge(cut_into: int) -> None:
    """The window opens `cut_into` characters into a person's name: "rta Fictivna" or "ctivna" is not a
    name the masking knows, so the fragment must be dropped, not shown."""
    privacy.configure("test-secret-27")
    gap = SNIPPET + cut_into - len(NAME)  # text between the name and the place
    middle = (" said she was moved" * 20)[: gap - 1] + " "
    doc = _doc("Report filed. " + NAME + middle, " and kept there.")
    assert doc.text.index("Santa Ana") - SNIPPET == doc.text.index(NAME) + cut_into
    cut = snippet(doc, "auditor", "Santa Ana")
    fragments = {part[-i:] for part in NAME.split() for i in range(3, len(part) + 1)}
    assert not [f for f in fragments if f in cut], cut
