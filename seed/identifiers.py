"""Fictional identifiers only: reserved phone ranges, example.* domains, `XX` IBANs.

* Phones: UK drama mobile range +44 7700 900000-900999 (Ofcom), UK drama landlines
  (020 7946 0xxx, 0161 496 0xxx, ...), US 555-0100..0199 (reserved for fiction).
* Emails / websites: example.com, example.org, example.net only.
* Bank accounts: IBAN-shaped `XX` + 2 mod-97 check digits + `LANT` + 14 digits. `XX` is not an ISO
  country, so no real account can ever match, but the check digits are valid, so an IBAN-aware
  extractor that verifies the checksum recognises it.
"""

from __future__ import annotations

import random

WORDS = {"0": "zero", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
         "7": "seven", "8": "eight", "9": "nine"}  # fmt: skip

UK_LANDLINE_DRAMA = ["2079460", "1614960", "1134960", "1214960", "1314960", "1414960", "1174960"]
US_AREA_CODES = ["202", "212", "213", "305", "312", "415", "503", "617", "702", "713", "718", "917"]


def uk_mobile(n: int) -> str:
    """E.164 of the n-th number (0..999) of the UK drama mobile range."""
    if not 0 <= n <= 999:
        raise ValueError("UK drama range has 1000 numbers (0..999)")
    return f"+447700900{n:03d}"


def us_fiction(area: str, n: int) -> str:
    """E.164 of 555-01nn in the given US area code (n in 0..99)."""
    return f"+1{area}55501{n:02d}"


def uk_mobile_format(e164: str, style: int) -> str:
    """One of several ways people write a UK mobile number; style picks the way."""
    local = "0" + e164[3:]  # 07700900123
    a, b = local[:5], local[5:]
    styles = [
        f"{a} {b}",  # 07700 900123
        f"+44 {a[1:]} {b[:3]} {b[3:]}",  # +44 7700 900 123
        e164,  # +447700900123
        f"{a}-{b[:3]}-{b[3:]}",  # 07700-900-123
        f"+44 (0){a[1:]} {b}",  # +44 (0)7700 900123
        f"0044 {a[1:]} {b}",  # 0044 7700 900123
        local,  # 07700900123
    ]
    return styles[style % len(styles)]


def obfuscate_phone(e164: str, rng: random.Random) -> str:
    """Ad-style obfuscation: 'o77oo nine zero zero 1 2 3'."""
    local = "0" + e164[3:]
    head = local[:5].replace("0", "o")
    mid = " ".join(WORDS[c] for c in local[5:8])
    tail = " ".join(local[8:])
    return rng.choice([f"{head} {mid} {tail}", f"{head} {local[5:8]} {tail}", f"{head}-{mid}-{local[8:]}"])


def us_format(e164: str, style: int) -> str:
    area, ex, line = e164[2:5], e164[5:8], e164[8:]
    return [f"({area}) {ex}-{line}", f"{area}-{ex}-{line}", f"+1 {area} {ex} {line}", f"{area}.{ex}.{line}"][
        style % 4
    ]


def landline(prefix: str, n: int) -> str:
    return f"+44{prefix}{n:03d}"


def landline_format(e164: str) -> str:
    national = "0" + e164[3:]
    if national.startswith("020"):
        return f"{national[:3]} {national[3:7]} {national[7:]}"
    return f"{national[:4]} {national[4:7]} {national[7:]}"


def phone_surface(e164: str, style: int) -> str:
    if e164.startswith("+447700"):
        return uk_mobile_format(e164, style)
    if e164.startswith("+1"):
        return us_format(e164, style)
    return landline_format(e164)


def iban(n: int) -> str:
    """A fictional, checksum-valid, `XX` IBAN (compact form)."""
    bban = f"LANT{n:014d}"
    rearranged = bban + "XX00"
    digits = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(digits) % 97
    return f"XX{check:02d}{bban}"


def iban_grouped(compact: str) -> str:
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def slug(name: str) -> str:
    keep = "".join(c.lower() if c.isalnum() else "." for c in name)
    return ".".join(p for p in keep.split(".") if p)
