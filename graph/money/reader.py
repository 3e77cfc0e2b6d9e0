"""Read a transactions CSV. Bad rows become `RowError`s with their line number and reason; the rest go on.

Columns (header names matched case-insensitively; spaces, dashes and dots count as `_`; common synonyms
accepted): `date`, `amount`, `currency`, `from_account`, `to_account`, `reference`, and optionally `id`
(the partner's transaction id). Other columns are ignored.

* date: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` / ISO `T` form, or day-first `DD.MM.YYYY` / `DD/MM/YYYY`.
* amount: positive; `1,234.56`, `1.234,56`, `1 234,56`, `£250`, `EUR 300` are read. A currency symbol or
  code in the amount fills an empty currency column; a clash is an error.
* currency: three letters (ISO 4217 shape).
* accounts: normalised like every payment account (`graph.resolve_keys.payment_value`): separators
  dropped, IBANs upper-cased.

Ids: a given id becomes `<source>:<id>` (partners' ids are unique only within the partner). Without one,
the id is a digest of the normalised row plus its occurrence number among identical rows of the file, so
re-reading a file yields the same ids and two identical payments on one day stay two.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from graph.resolve_keys import payment_value

SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "transaction_id", "txn_id", "tx_id", "transaction_ref", "transaction_number", "payment_id"),
    "date": (
        "date",
        "transaction_date",
        "booking_date",
        "value_date",
        "posting_date",
        "posted",
        "datetime",
        "timestamp",
        "date_time",
        "time",
    ),
    "amount": ("amount", "value", "sum", "amount_value", "transaction_amount"),
    "currency": ("currency", "ccy", "cur", "currency_code"),
    "from_account": (
        "from_account",
        "from",
        "payer",
        "payer_account",
        "sender",
        "sender_account",
        "debtor",
        "debtor_account",
        "source_account",
        "originator",
        "originator_account",
        "remitter",
        "debit_account",
        "account_from",
    ),
    "to_account": (
        "to_account",
        "to",
        "payee",
        "payee_account",
        "beneficiary",
        "beneficiary_account",
        "receiver",
        "recipient",
        "recipient_account",
        "creditor",
        "creditor_account",
        "destination_account",
        "credit_account",
        "account_to",
    ),
    "reference": (
        "reference",
        "ref",
        "description",
        "memo",
        "narrative",
        "details",
        "purpose",
        "remittance_information",
        "payment_reference",
    ),
}
REQUIRED = ("date", "amount", "from_account", "to_account")
SYMBOLS = {"£": "GBP", "€": "EUR", "$": "USD", "zł": "PLN", "₴": "UAH", "lei": "RON", "kč": "CZK"}
_CODE = re.compile(r"^[A-Z]{3}$")
_CODE_IN_AMOUNT = re.compile(r"[A-Za-z]{3}")


@dataclass(frozen=True)
class Transaction:
    line: int
    """Line number in the file (the header is line 1)."""
    id: str
    at: datetime
    has_time: bool
    amount: float
    currency: str
    from_account: str
    to_account: str
    reference: str
    raw: str
    """The row as read (joined with commas): the evidence an analyst opens."""


@dataclass(frozen=True)
class RowError:
    line: int
    id: str
    reason: str


def _key(header: str) -> str:
    return re.sub(r"[\s.\-/]+", "_", header.strip().lstrip("\ufeff").lower()).strip("_")


def column_map(header: list[str]) -> dict[str, int]:
    """Field → column index for the recognised columns of a header row."""
    keys = [_key(h) for h in header]
    out: dict[str, int] = {}
    for field_name, names in SYNONYMS.items():
        for name in names:
            if name in keys and keys.index(name) not in out.values():
                out[field_name] = keys.index(name)
                break
    return out


def parse_date(text: str) -> tuple[datetime, bool]:
    """(moment, whether a time was given). Raises ValueError with the accepted forms."""
    t = text.strip()
    for fmt, timed in (
        ("%Y-%m-%d", False),
        ("%Y-%m-%d %H:%M", True),
        ("%Y-%m-%d %H:%M:%S", True),
        ("%Y-%m-%dT%H:%M", True),
        ("%Y-%m-%dT%H:%M:%S", True),
        ("%d.%m.%Y", False),
        ("%d/%m/%Y", False),
        ("%d.%m.%Y %H:%M", True),
        ("%d/%m/%Y %H:%M", True),
    ):
        try:
            return datetime.strptime(t, fmt), timed
        except ValueError:
            continue
    try:
        moment = datetime.fromisoformat(t)
    except ValueError:
        raise ValueError(
            f"date '{text}' is not a date: write YYYY-MM-DD (optionally with HH:MM) or DD.MM.YYYY"
        ) from None
    return moment.replace(tzinfo=None), True


def parse_amount(text: str) -> tuple[float, str]:
    """(amount, currency found in the text or ''). ValueError for a missing, zero or negative amount."""
    t = text.strip()
    found = ""
    for symbol, code in SYMBOLS.items():
        if symbol in t.lower():
            found, t = code, re.sub(re.escape(symbol), "", t, flags=re.I)
    m = _CODE_IN_AMOUNT.search(t)
    if m:
        found, t = m.group(0).upper(), t.replace(m.group(0), "")
    t = t.replace(" ", "").replace("\u00a0", "").replace("'", "")
    if "," in t and "." in t:
        t = t.replace(".", "").replace(",", ".") if t.rfind(",") > t.rfind(".") else t.replace(",", "")
    elif "," in t:
        head, _, tail = t.rpartition(",")
        t = f"{head.replace(',', '')}.{tail}" if len(tail) in (1, 2) else t.replace(",", "")
    try:
        value = float(t)
    except ValueError:
        raise ValueError(f"amount '{text}' is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise ValueError(
            f"amount '{text}' must be a positive number: a payment's direction is from → to, not the sign"
        )
    return round(value, 2), found


def derived_id(at: datetime, amount: float, currency: str, src: str, dst: str, ref: str, n: int) -> str:
    text = "|".join(
        [at.isoformat(), f"{amount:.2f}", currency, src, dst, " ".join(ref.split()).lower(), str(n)]
    )
    return "txn:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class _Rows:
    """Reads one row at a time and remembers the ids already given in the file."""

    def __init__(self, source: str, columns: dict[str, int]) -> None:
        self.source, self.columns = source, columns
        self.seen: dict[str, int] = {}
        self.occurrences: dict[tuple[object, ...], int] = {}

    def cell(self, row: list[str], name: str) -> str:
        i = self.columns.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    def read(self, line: int, row: list[str]) -> Transaction:
        given = self.cell(row, "id")
        missing = [f for f in REQUIRED if not self.cell(row, f)]
        if missing:
            raise ValueError(f"empty {', '.join(missing)}")
        at, timed = parse_date(self.cell(row, "date"))
        amount, in_text = parse_amount(self.cell(row, "amount"))
        currency = self.cell(row, "currency").upper() or in_text
        if not currency:
            raise ValueError("no currency: add a currency column (e.g. GBP) or write it in the amount")
        if not _CODE.match(currency):
            raise ValueError(f"currency '{currency}' is not a three-letter code such as GBP or EUR")
        if in_text and in_text != currency:
            raise ValueError(f"the amount says {in_text} but the currency column says {currency}")
        src, dst = payment_value(self.cell(row, "from_account")), payment_value(self.cell(row, "to_account"))
        if src == dst:
            raise ValueError(f"from and to are the same account ({src})")
        ref = " ".join(self.cell(row, "reference").split())
        if given:
            tid = f"{self.source}:{given}"
        else:
            key = (at, amount, currency, src, dst, ref.lower())
            self.occurrences[key] = self.occurrences.get(key, 0) + 1
            tid = derived_id(at, amount, currency, src, dst, ref, self.occurrences[key])
        if tid in self.seen:
            raise ValueError(f"transaction id '{given}' already used on line {self.seen[tid]}")
        self.seen[tid] = line
        return Transaction(line, tid, at, timed, amount, currency, src, dst, ref, ",".join(row))


def read_transactions_text(text: str, source: str) -> tuple[list[Transaction], list[RowError]]:
    """Parse CSV text; raises ValueError only when the header lacks a required column."""
    lines = list(csv.reader(io.StringIO(text)))
    if not lines:
        raise ValueError("the file is empty: the first line must be a header (date, amount, currency, ...)")
    columns = column_map(lines[0])
    absent = [f for f in REQUIRED if f not in columns]
    if absent:
        raise ValueError(
            f"no column for {', '.join(absent)} in the header {lines[0]}: name the columns date, amount, "
            "currency, from_account, to_account, reference (synonyms such as payer/payee are read too)"
        )
    rows = _Rows(source, columns)
    good: list[Transaction] = []
    errors: list[RowError] = []
    for line, row in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        try:
            good.append(rows.read(line, row))
        except ValueError as exc:
            errors.append(RowError(line, rows.cell(row, "id") or f"line-{line}", str(exc)))
    return good, errors


def read_transactions(path: Path, source: str) -> tuple[list[Transaction], list[RowError]]:
    """Read a CSV file (UTF-8, a BOM is accepted)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start}): save it as UTF-8"
        ) from None
    return read_transactions_text(text, source)


def day(t: Transaction) -> date:
    return t.at.date()
