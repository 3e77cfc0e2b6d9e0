"""Identifiers: plain and obfuscated phones (E.164), emails, websites, handles, payments, plates."""

from __future__ import annotations

import pytest

from extraction.components.identifiers import find_identifiers
from extraction.components.phones import find_phones


def phones(text: str, region: str = "US") -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.value) for h in find_phones(text, region)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Call (202) 555-0142 after dark.", "(202) 555-0142", "+12025550142"),
        (
            "text six four six, three eight nine, three nine five zero now",
            "six four six, three eight nine, three nine five zero",
            "+16463893950",
        ),
        ("ask for Kandi 646/389/39Five Zero", "646/389/39Five Zero", "+16463893950"),
        ("new number 212 2sixseven one9zerofor ok", "212 2sixseven one9zerofor", "+12122671904"),
        ("reach me 2 0 2 . 5 5 5 . 0 1 7 7 tonight", "2 0 2 . 5 5 5 . 0 1 7 7", "+12025550177"),
        ("dial 2O2-555-O1O9 today", "2O2-555-O1O9", "+12025550109"),
        ("tips to 855-TIP-OCCS anytime", "855-TIP-OCCS", "+18558476227"),
        ("UK line +44 7700 900123 works", "+44 7700 900123", "+447700900123"),
    ],
)
def test_phone_forms(text: str, span: str, value: str) -> None:
    assert (span, value) in phones(text)


def test_uk_region_and_us_format_in_the_same_text() -> None:
    text = "Call 07700 900101, o77oo-nine zero zero-101 or the US office (212) 555-0142."
    found = phones(text, region="GB")
    assert ("07700 900101", "+447700900101") in found
    assert ("o77oo-nine zero zero-101", "+447700900101") in found
    assert ("(212) 555-0142", "+12125550142") in found


@pytest.mark.parametrize(
    "text",
    [
        "Case # 15WF2518 was filed on May 8, 2014 and 2015.",
        "He paid $1,000,000 and 3,400,000 people watched; ages 25, 30, 45, 19 and 22.",
        "one count of pimping and one of pandering, for 2 years",
        "call 555-0123",  # seven digits: not a full number
    ],
)
def test_no_false_phones(text: str) -> None:
    assert phones(text) == []


def test_emails_websites_handles_payments_plates() -> None:
    text = (
        "Write to Kandi.Rose@Example.com or kandi at example dot org, see www.example.org/ads. "
        "Instagram: kandi.rose and @kandi_vip. Pay $KandiCash or Venmo @kandi-r. "
        "IBAN GB82 WEST 1234 5698 7654 32, wallet 0x52908400098527886E0F7030069857D2E4169EE7. "
        "She drove a grey Ford with license plate 7ABC123."
    )
    found = {(h.type, h.value) for h in find_identifiers(text)}
    assert ("Email", "kandi.rose@example.com") in found
    assert ("Email", "kandi@example.org") in found
    assert ("Website", "www.example.org/ads") in found
    assert ("SocialHandle", "@kandi.rose") in found
    assert ("SocialHandle", "@kandi_vip") in found
    assert ("PaymentAppAccount", "cashapp:$kandicash") in found
    assert ("PaymentAppAccount", "venmo:@kandi-r") in found
    assert ("BankAccount", "GB82WEST12345698765432") in found
    assert ("CryptoWallet", "0x52908400098527886e0f7030069857d2e4169ee7") in found
    assert ("Vehicle", "7ABC123") in found
    # the domain inside an e-mail address is not a separate website
    assert ("Website", "example.com") not in found


def test_invalid_iban_is_ignored() -> None:
    assert not [h for h in find_identifiers("IBAN GB00 WEST 1234 5698 7654 32") if h.type == "BankAccount"]
