"""Obfuscated phone numbers are found; prose numbers (dates, money, ages, case numbers, ZIP codes)
are not; the scan is linear in the text (operation counts, not wall-clock time)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from extraction.components.identifiers import resolve_overlaps
from extraction.components.identifiers_component import phone_hits, with_roles
from extraction.components.phones import find_phones


def phones(text: str, region: str = "US") -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.value) for h in find_phones(text, region)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("call 3tothree 5five5 zero one four four", "3tothree 5five5 zero one four four", "+13235550144"),
        ("Glasgow. o77oo nine zero zero 3 0 1 ring me", "o77oo nine zero zero 3 0 1", "+447700900301"),
        ("two one two, 555, zero one four two", "two one two, 555, zero one four two", "+12125550142"),
        ("text 646*389*3950 now", "646*389*3950", "+16463893950"),
        ("Perth, Jo 45. 0491570 156 after 9", "0491570 156", "+61491570156"),
        ("Adelaide Sophie 31 0491 570 660", "0491 570 660", "+61491570660"),
        ("Gold Coast o4 9 1 5 7 o 8 8 8 Lana", "o4 9 1 5 7 o 8 8 8", "+61491570888"),
        ("Mia 💋 305 💋 555 💋 0142 in Miami", "305 💋 555 💋 0142", "+13055550142"),
        ("Vegas 7o2/555/o1o9 hmu", "7o2/555/o1o9", "+17025550109"),
        (
            "seven o two - five five five - o one two seven",
            "seven o two - five five five - o one two seven",
            "+17025550127",
        ),
        ("Bristol O7700 9OO 733 texts", "O7700 9OO 733", "+447700900733"),
        ("Chicago [773]555[0129 incall", "773]555[0129", "+17735550129"),
    ],
)
def test_obfuscated_numbers(text: str, span: str, value: str) -> None:
    assert phones(text) == [(span, value)]


def test_two_numbers_joined_by_a_spanish_o() -> None:
    text = "Guayaquil WhatsApp 0991234567 o 0987650123"
    assert [v for _, v in phones(text)] == ["+593991234567", "+593987650123"]


@pytest.mark.parametrize(
    "text",
    [
        "Sophie 24yo 5'6 34C $200/hr $350 2hrs, 1 hr 300, 2 hr 550",
        "Available 10/12/2024 from 9pm-3am, back 12.05.2024",
        "Case No. 2019-012345 was filed; docket 2020-1234567",
        "Price list 100 150 200 300 400 500",
        "I'm 23, 5 ft 4, 120 lbs, 36-24-36, 32 B",
        "He paid $1,000,000 and 3,400,000 people watched; ages 25, 30, 45, 19 and 22.",
        "one two three four five six seven eight nine ten",
        "1234 Main St Suite B, Santa Ana, CA 92701-1234",
        "Rs 15000 full night, 100 % real, open 24/7, 365 days",
        "call for 2 hours at 4 or for one night",
        "reference 1002003004 on the invoice",
    ],
)
def test_prose_numbers_are_not_phones(text: str) -> None:
    assert phones(text) == []


def test_zip_before_a_phone_stays_out_of_it() -> None:
    assert phones("Santa Ana, CA 92701 714-555-0142") == [("714-555-0142", "+17145550142")]


def _count_calls(work: Callable[[], Any]) -> int:
    """Python and C function calls (generator resumptions included) made by `work`."""
    calls = [0]

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event in ("call", "c_call"):
            calls[0] += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return calls[0]


def _phone_list(kb: int) -> str:
    lines, size, n = [], 0, 0
    while size < kb * 1024:
        line = (
            f"Call Jane {n}: (212) 555-01{n % 100:02d}, text six four six 555 01{n % 10}9 or "
            f"0491 570 {n % 1000:03d}, ages {n % 50}, {n % 40} and $1,{n % 900:03d} hotline\n"
        )
        lines.append(line)
        size += len(line)
        n += 1
    return "".join(lines)


def test_phone_work_is_linear_in_the_text() -> None:
    def work(text: str) -> Callable[[], Any]:
        return lambda: with_roles(text, resolve_overlaps(phone_hits(text, "US")))

    small, large = _phone_list(8), _phone_list(32)
    work(small)()  # build the place index and load phone metadata once, outside the counts
    ratio = _count_calls(work(large)) / _count_calls(work(small))
    size_ratio = len(large) / len(small)
    assert len(phone_hits(large, "US")) == 3 * large.count("\n")  # every number of every line
    assert ratio < size_ratio * 1.25, f"4x the text cost {ratio:.2f}x the calls"
