"""Boilerplate removal never drops a body sentence, also one that carries a phone number (issue 21)."""

from __future__ import annotations

from extraction.cleaning import clean_scraped_text, is_sentence

PAGE = "\n".join(
    [
        "Kestrel Man Charged With Pimping - Example County Prosecutor",
        "Skip to content",
        "Home",
        "News",
        "Share",
        "Kestrel Man Charged With Pimping",
        "May 3, 2024",
        "Reports can be made by calling Investigator Ada Brightwater at (555) 010-0123 any day.",
        "Tobias Quill, 41, of Kestrel, was charged today with pimping and pandering a minor.",
        "Quill advertised the victim online and kept her earnings, prosecutors said.",
        "Kestrel's local HOTLINE is 555-0100 and it is answered around the clock.",
        "Share",
        "Latest Posts",
        "Ada Fenwick of Bramblewood honoured",
        "Copyright Example County",
    ]
)


def test_every_body_sentence_survives_and_furniture_goes() -> None:
    page = clean_scraped_text(PAGE)
    assert page.scraped
    body = [line for line in PAGE.split("\n")[7:11]]
    assert all(is_sentence(line) for line in body)
    for line in body:
        assert line in page.text, line
    for furniture in ("Skip to content", "Latest Posts", "Ada Fenwick of Bramblewood honoured", "Copyright"):
        assert furniture not in page.text


def test_short_header_lines_are_not_sentences() -> None:
    for line in ("FOR IMMEDIATE RELEASE", "Case # 20CF2733", "Date: January 14, 2026", "KESTREL", "###"):
        assert not is_sentence(line)
