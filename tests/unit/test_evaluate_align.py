"""The cleaned→raw aligner: offsets survive dropped lines, stripping and repeated titles."""

from __future__ import annotations

from extraction.evaluate_align import align

RAW = (
    "ACME NEWS - Example Press Office\n"
    "Skip to content\n"
    "Search for\n"
    "Harbour Lights Case Closed\n"
    "Author\n"
    "Press Desk\n"
    "Harbour Lights Case Closed\n"
    "   BRAMBLEFORD – Tobias Quill, 41, was charged today.   \n"
    "Quill ran the Harbour Lights Spa.\n"
    "Call 555-0142 for tips.\n"
    "Latest Posts\n"
    "Mayor Ada Fenwick opens a library\n"
)
CLEANED = (
    "Harbour Lights Case Closed\n"
    "BRAMBLEFORD – Tobias Quill, 41, was charged today.\n"
    "Quill ran the Harbour Lights Spa.\n"
    "Call 555-0142 for tips."
)


def _raw_span(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = RAW.index(needle, start + 1)
    return start, start + len(needle)


def test_spans_map_back_to_raw_offsets_when_lines_were_dropped_and_stripped() -> None:
    alignment = align(CLEANED, RAW)
    for needle in ("Tobias Quill", "BRAMBLEFORD", "Harbour Lights Spa", "555-0142", "Quill ran"):
        start = CLEANED.index(needle)
        mapped = alignment.map_span(start, start + len(needle))
        assert mapped is not None
        assert RAW[mapped[0] : mapped[1]] == needle
    assert alignment.unaligned_lines == 0


def test_repeated_title_maps_to_the_copy_next_to_the_dateline() -> None:
    alignment = align(CLEANED, RAW)
    mapped = alignment.map_span(0, len("Harbour Lights Case Closed"))
    # the second copy (line 7) sits right before the dateline; the first one is navigation
    assert mapped == _raw_span("Harbour Lights Case Closed", nth=1)


def test_line_that_is_not_in_the_raw_text_is_unaligned() -> None:
    cleaned = CLEANED + "\nA sentence the reader invented."
    alignment = align(cleaned, RAW)
    start = cleaned.index("invented")
    assert alignment.map_span(start, start + 8) is None
    assert alignment.unaligned_lines == 1
    # the rest still maps
    start = cleaned.index("Tobias Quill")
    assert alignment.map_span(start, start + 12) == _raw_span("Tobias Quill")


def test_inner_whitespace_differences_are_tolerated() -> None:
    raw = "Intro\nThe  Willow   Motel in Dunmere\nEnd\n"
    cleaned = "The Willow Motel in Dunmere"
    alignment = align(cleaned, raw)
    start = cleaned.index("Willow Motel")
    mapped = alignment.map_span(start, start + len("Willow Motel"))
    assert mapped is not None
    assert raw[mapped[0] : mapped[1]] == "Willow   Motel"
    start = cleaned.index("Dunmere")
    mapped = alignment.map_span(start, start + len("Dunmere"))
    assert mapped is not None and raw[mapped[0] : mapped[1]] == "Dunmere"


def test_span_crossing_a_line_break_maps_both_ends() -> None:
    raw = "nav\nTobias\nQuill was seen\n"
    cleaned = "Tobias\nQuill was seen"
    alignment = align(cleaned, raw)
    mapped = alignment.map_span(0, len("Tobias\nQuill"))
    assert mapped is not None
    assert raw[mapped[0] : mapped[1]] == "Tobias\nQuill"
