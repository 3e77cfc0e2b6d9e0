"""Hard-wrapped prose is unwrapped for the spaCy pass with every offset unchanged."""

from __future__ import annotations

from extraction.models import SourceDocument
from extraction.unwrap import is_hard_wrapped, unwrap

WRAPPED = "\n".join(
    [
        "October 15, 2024 Contact: Ada Example",
        "Office of Communications",
        "555-0100",
        "For Immediate Release: Kestrel County Jury Convicts Man of Robbery",
        "(Kestrel County) - A Kestrel County jury found Tobias Quill guilty of aggravated",
        "robbery this afternoon after a trial in which the Kestrel Bay Police",
        "Department and investigators from the county testified about the night of",
        "the robbery at a store on Harbour Street. Assistant District Attorney Karen",
        "Goana Villegas said the verdict shows that the community will not accept",
        "violence against workers who are only doing their jobs late at night in the",
        "city. Quill will be sentenced next month by the judge of the 203rd court",
        "who heard the case over three days of testimony and deliberation.",
    ]
)


def test_wrapped_lines_become_spaces_and_offsets_stay() -> None:
    assert is_hard_wrapped(WRAPPED)
    out = unwrap(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "Kestrel Bay Police Department" in out
    assert "Karen Goana Villegas" in out
    # short header lines keep their line breaks
    assert out.startswith("October 15, 2024 Contact: Ada Example\nOffice of Communications\n555-0100\n")
    assert [i for i, ch in enumerate(out) if ch != WRAPPED[i]] == [
        i for i, ch in enumerate(WRAPPED) if ch == "\n" and out[i] == " "
    ]


def test_web_page_lines_are_left_alone() -> None:
    page = "\n".join(
        ["Home", "News", "Share"] * 3 + ["A sentence that ends properly with a full stop here."] * 6
    )
    assert not is_hard_wrapped(page)
    assert unwrap(page) is page


def test_extractor_reads_a_wrapped_name_and_keeps_the_original_text() -> None:
    from extraction.pipeline import Extractor

    result = Extractor().extract(SourceDocument(id="w", text=WRAPPED))
    assert result.text == WRAPPED
    people = {e.text for e in result.entities if e.type == "Person"}
    assert "Karen\nGoana Villegas" in people  # the source's own characters, newline included
    authorities = {e.text for e in result.entities if e.type == "Authority"}
    assert "Kestrel Bay Police\nDepartment" in authorities
