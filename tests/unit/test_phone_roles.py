"""A phone's or e-mail's role: `contact` (hotline, tip line, press/media, victim services, "for more
information call") or `case`; the cue words are kept."""

from __future__ import annotations

import pytest

from extraction.components.identifier_roles import identifier_roles
from extraction.components.identifiers import find_identifiers
from extraction.components.identifiers_component import phone_hits, with_roles


def roles(text: str) -> dict[str, tuple[str, str | None]]:
    hits = with_roles(text, sorted(find_identifiers(text) + phone_hits(text, "US"), key=lambda h: h.start))
    return {
        h.value: (h.attributes["identifier_role"], h.attributes.get("identifier_role_cue"))
        for h in hits
        if h.type in ("Phone", "Email")
    }


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Reports can be made by calling Investigator Jane Roe at (714) 555-0142.", "reports can be made"),
        ("Riverton's local HOTLINE is 714-555-0142.", "hotline"),
        ("Anyone with information is asked to call OC Crime Stoppers at 855-555-0142.", "crime stoppers"),
        ("For more information call the office at (714) 555-0142.", "for more information"),
        ("Media inquiries: Kim Example, (714) 555-0142", "media inquiries"),
        ("Contact: Kim Example, Public Information Officer, 714-555-0142", "public information"),
        ("Victims can reach Victim Services at 714-555-0142 any day.", "victim services"),
        ("Call 714-555-0142 (Crime Stoppers) with tips.", "crime stoppers"),
        ("The National Human Trafficking Hotline, 1-888-555-0142, is open 24 hours.", "hotline"),
    ],
)
def test_contact_lines(text: str, cue: str) -> None:
    [(role, found)] = roles(text).values()
    assert (role, found) == ("contact", cue)


def test_case_numbers_and_ads_are_case() -> None:
    text = (
        "Doe advertised the victims with the number (714) 555-0142 and the e-mail doe@example.com. "
        "Text me 702-555-0155, new in town!"
    )
    assert set(roles(text).values()) == {("case", None)}


def test_contact_block_lines_share_the_role() -> None:
    text = (
        "Media Contact:\nKim Example\nPublic Information Officer\nOffice: 714-555-0140\n"
        "Cell: 714-555-0141\nkim@example.org\n\nThe defendant used 714-555-0199 to book rooms."
    )
    found = roles(text)
    assert found["+17145550140"][0] == found["+17145550141"][0] == found["kim@example.org"][0] == "contact"
    assert found["+17145550199"] == ("case", None)


def test_a_case_number_after_a_hotline_in_the_same_sentence_stays_case() -> None:
    text = "The hotline 888-555-0142 got a tip about the number the suspect used, 714-555-0199."
    found = roles(text)
    assert found["+18885550142"][0] == "contact"
    assert found["+17145550199"] == ("case", None)


def test_roles_of_spans_in_order() -> None:
    text = "Tip line: 555-0142 is short. Call 212-555-0142 for info"
    assert identifier_roles(text, [(10, 18), (34, 46)]) == [("contact", "tip line"), ("case", None)]


def test_press_header_blocks_and_press_addresses_are_contact() -> None:
    text = (
        "June 18, 2025 Contact: Jane Example\nExample County District Attorney's Office\n"
        "214-555-0100 (Office)\nTips go to anyone, not to sao.media@example.org."
    )
    found = roles(text)
    assert found["+12145550100"] == ("contact", "contact:")
    assert found["sao.media@example.org"] == ("contact", "media")


def test_an_ad_contact_line_is_case() -> None:
    assert set(roles("Contact: 702-555-0155 or kandi@example.com, new in town").values()) == {("case", None)}


def test_public_service_lines_and_their_alternatives_are_contact() -> None:
    text = (
        "For assistance applying, call the Example Clerk's office at 214-555-0101 or Example "
        "Community Courts at 214-555-0102. Survivors who wish to inquire about their kit can email "
        "kits@example.org. Example Securities Board\n8700 Example Freeway\nDallas, TX 75247\n(214) 555-0103"
    )
    found = roles(text)
    assert [found[v][0] for v in ("+12145550101", "+12145550102", "kits@example.org", "+12145550103")] == [
        "contact"
    ] * 4
