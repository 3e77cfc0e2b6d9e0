"""Readers: formats, encodings, unreadable inputs, and boilerplate removal on a scraped page."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from extraction.cleaning import clean_scraped_text, parse_date
from extraction.models import ReadError, SourceDocument
from extraction.readers import CsvOptions, read_inputs

SCRAPED_PAGE = """\
WOMAN CHARGED WITH TRAFFICKING TEEN IN RIVERTON - Lakeside County District Attorney
Scroll to top
Follow Us
Skip to content
Search for
Press
3 min read
WOMAN CHARGED WITH TRAFFICKING TEEN IN RIVERTON
Author
Quinn Examplestaff
Published
March 3, 2021
Home
Press
WOMAN CHARGED WITH TRAFFICKING TEEN IN RIVERTON
For Immediate Release
Case # 21CF0001
Morgan Pressworth
Chief of Staff
Office: 555-0100
Cell: (202) 555-0101
Dana Spokes
Spokesperson
Office: (202) 555-0102
WOMAN CHARGED WITH TRAFFICKING TEEN IN RIVERTON
SANTA ANA, Calif. – A woman was charged today with human trafficking. Velma Ostrander, 41,
Anaheim, is accused of posting online ads for a 16-year-old girl.
Deputy District Attorney Rowan Tally of the HEAT Unit is prosecuting this case.
Tagged with:
Velma Ostrander
Share
Latest Posts
Man Sentenced For Fraud In Lakeside
March 1, 2021
Press
Name*
Email*
"""


def test_scraped_page_keeps_title_and_article_only() -> None:
    page = clean_scraped_text(SCRAPED_PAGE)
    assert page.scraped
    assert page.title == "WOMAN CHARGED WITH TRAFFICKING TEEN IN RIVERTON"
    assert page.published == "2021-03-03"
    lines = page.text.split("\n")
    assert lines[0] == "WOMAN CHARGED WITH TRAFFICKING TEEN IN RIVERTON"
    assert lines[1].startswith("SANTA ANA, Calif. –")
    assert lines[-1] == "Deputy District Attorney Rowan Tally of the HEAT Unit is prosecuting this case."
    for furniture in (
        "Morgan Pressworth",
        "555-0101",
        "Dana Spokes",
        "Latest Posts",
        "Scroll to top",
        "Tagged",
    ):
        assert furniture not in page.text
    raw_lines = {line.strip() for line in SCRAPED_PAGE.splitlines()}
    assert all(line in raw_lines for line in lines), "kept lines must be verbatim source lines"


def test_plain_text_is_not_cleaned(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("Ann Example met Bo Sample in Leeds.\n", encoding="utf-8")
    (doc,) = read_inputs([tmp_path / "note.txt"])
    assert isinstance(doc, SourceDocument)
    assert doc.id == "note" and doc.text == "Ann Example met Bo Sample in Leeds.\n"


def test_encoding_detection_reads_latin1(tmp_path: Path) -> None:
    text = "Señora Núñez was recruited in Málaga and taken to the café near the station. " * 3
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    (doc,) = read_inputs([tmp_path / "latin.txt"])
    assert isinstance(doc, SourceDocument)
    assert "Señora Núñez" in doc.text


def test_unreadable_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"   \n")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "c_broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (tmp_path / "d_good.txt").write_text("Cora Fictional lives in Bristol.", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    assert [type(i).__name__ for i in items] == ["ReadError", "ReadError", "ReadError", "SourceDocument"]
    reasons = {i.id: i.reason for i in items if isinstance(i, ReadError)}
    assert "empty" in reasons["a_empty"]
    assert "binary" in reasons["b_binary"]
    assert "PDF" in reasons["c_broken"]
    missing = list(read_inputs([tmp_path / "nope.txt"]))
    assert isinstance(missing[0], ReadError) and "no such file" in missing[0].reason


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [
        {"id": "n1", "text": "First story.", "title": "One", "published": "May 8, 2014"},
        {"id": "n2", "text": ""},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    items = list(read_inputs([path]))
    assert isinstance(items[0], SourceDocument)
    assert items[0].id == "n1" and items[0].title == "One" and items[0].published == "2014-05-08"
    assert isinstance(items[1], ReadError) and "text" in items[1].reason
    assert isinstance(items[2], ReadError) and items[2].id == "feed:3"


def test_csv_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text("case_no;narrative\nC-1;Eli Sample drove the victims.\nC-2;\n", encoding="utf-8")
    items = list(read_inputs([path], CsvOptions(text_column="narrative", id_column="case_no", delimiter=";")))
    assert isinstance(items[0], SourceDocument) and items[0].id == "C-1"
    assert items[0].text == "Eli Sample drove the victims."
    assert isinstance(items[1], ReadError) and items[1].id == "C-2"
    wrong = list(read_inputs([path], CsvOptions(text_column="body", delimiter=";")))
    assert isinstance(wrong[0], ReadError) and "--text-column" in wrong[0].reason


def test_html_main_text(tmp_path: Path) -> None:
    body = " ".join(["Rhea Placeholder was charged with trafficking a teenager in Exampletown."] * 4)
    html = f"""<html><head><title>Charged</title></head><body>
    <nav><a href="/">Home</a> <a href="/press">Press</a> <a href="/about">About us</a></nav>
    <article><h1>Woman charged</h1><p>{body}</p><p>{body}</p></article>
    <footer>Copyright Example County. Contact 555-0100.</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (doc,) = read_inputs([tmp_path / "page.html"])
    assert isinstance(doc, SourceDocument)
    assert "Rhea Placeholder" in doc.text
    assert "Copyright" not in doc.text


def test_parse_date() -> None:
    assert parse_date("March 3, 2021") == "2021-03-03"
    assert parse_date("Date: Sept. 9, 2015") == "2015-09-09"
    assert parse_date("not a date") is None


def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF whose text layer holds `text` (Helvetica), with a correct xref table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_scanned_pdf_is_one_clear_reason(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.add_blank_page(612, 792)
    with (tmp_path / "scan.pdf").open("wb") as f:
        writer.write(f)
    (item,) = read_inputs([tmp_path / "scan.pdf"])
    assert isinstance(item, ReadError)
    assert item.reason.startswith("no text layer: 2 page(s) of images") and "OCR" in item.reason


def test_pypdf_repairs_are_one_log_line_not_raw_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    good = _pdf_with_text("Cora Fictional lives in Bristol.")
    (tmp_path / "good.pdf").write_bytes(good)
    (doc,) = read_inputs([tmp_path / "good.pdf"])
    assert isinstance(doc, SourceDocument) and "Cora Fictional lives in Bristol." in doc.text
    damaged = re.sub(rb"startxref\n\d+", b"startxref\n99999", good)  # pypdf repairs the pointer, warns
    (tmp_path / "damaged.pdf").write_bytes(damaged)
    with caplog.at_level(logging.INFO):
        (doc,) = read_inputs([tmp_path / "damaged.pdf"])
    assert isinstance(doc, SourceDocument) and "Cora Fictional" in doc.text
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and lines[0].startswith("damaged.pdf: pypdf repaired")
    assert "startxref" in lines[0]
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


@pytest.mark.parametrize(
    ("name", "text", "published"),
    [
        (
            "pr_101518.txt",
            "October 15, 2018 Contact: Dana Fictive\nExample County Attorney's Office\nA jury found …",
            "2018-10-15",
        ),  # a dateline before the contact, as county press releases open
        ("note.txt", "FOR IMMEDIATE RELEASE: Sept. 9, 2015\nCharges filed in Riverton.", "2015-09-09"),
        ("note.txt", "Example County\nDate: March 3, 2021\nCharges filed.", "2021-03-03"),
        ("note.txt", "Updated January 8, 2021 at 11 AM ET\nJoint statement.", "2021-01-08"),
        ("20230216_da-launches-campaign.txt", "DA Launches Campaign\n\nThe office announced …", "2023-02-16"),
        ("2023-02-16 notes.txt", "Notes from the outreach round.", "2023-02-16"),
        ("note.txt", "October 15, 2018 first, though the file name says otherwise", "2018-10-15"),
        (
            "20231399_bad-digits.txt",
            "Outreach notes from the station, no date given.",
            None,
        ),  # digits that are no date
        (
            "note.txt",
            "Case notes.\n" + "Line.\n" * 10 + "On March 3, 2021 the victim left Leeds.",
            None,
        ),  # an event
        ("note.txt", "The victim left Leeds on March 3, 2021.", None),  # a date inside a sentence
    ],
)
def test_a_plain_document_is_dated_by_its_opening_date_or_its_file_name(
    tmp_path: Path, name: str, text: str, published: str | None
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (doc,) = read_inputs([tmp_path / name])
    assert isinstance(doc, SourceDocument) and doc.published == published
    assert doc.text == text  # dating a document does not change its text


def test_a_pdf_is_dated_by_its_opening_date(tmp_path: Path) -> None:
    (tmp_path / "release.pdf").write_bytes(_pdf_with_text("May 8, 2014 Contact: Dana Fictive"))
    (doc,) = read_inputs([tmp_path / "release.pdf"])
    assert isinstance(doc, SourceDocument) and doc.published == "2014-05-08"
