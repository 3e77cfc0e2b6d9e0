"""A partner's screening input → the hub's resolution key: one normaliser, shared by both sides.

Phones, e-mails and payment accounts become the `id` of the identifier node ingest would give them
(`phone:+447700900123`, `email:jane@example.com`, `account:GB33BUKB20201555555555`), through
:func:`graph.resolve_keys.identifier_key` — the same function ingest keys nodes with. Names become the
normalised person name (:func:`graph.resolve_keys.normalise_person_name`). The hub's `POST /api/screen`,
its PSI set and the partner's `lantern screen --psi` all call :func:`normalise`, so a number written
`07700 900123` on one side and `+44 7700 900123` on the other meets.

Errors (:class:`InputError`) say what is wrong by position and kind, never by value: a value that did
not normalise may not be echoed into a response, a log line or an audit row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from graph.privacy import CATEGORY_CLASS
from graph.resolve_keys import KeyError_, identifier_key, normalise_person_name

KINDS = ("phone", "email", "account", "name")
"""What a partner may screen: phones, e-mail addresses, payment accounts (IBAN, card/app, crypto), names."""
CATEGORY_OF_KIND = {"phone": "phone", "email": "email", "account": "payment", "name": "person"}
"""Screening kind → the personal-data category (graph/privacy.py) whose ontology class keys it."""
IDENTIFIER_KINDS = ("phone", "email", "account")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ACCOUNT = re.compile(
    r"^(?:[A-Za-z]{2}\d{2}[A-Za-z0-9]{8,30}|0x[0-9a-fA-F]{16,}|bc1[0-9a-z]{10,}|\$[A-Za-z]\w+)$"
)


class InputError(ValueError):
    """An input that cannot be screened: its position and the reason, never its value."""

    def __init__(self, index: int, reason: str) -> None:
        super().__init__(f"input {index}: {reason}")
        self.index, self.reason = index, reason


@dataclass(frozen=True)
class Normalised:
    index: int
    kind: str
    """phone | email | account | name"""
    key: str
    """The hub's entity key for identifiers (`phone:+44…`), the normalised name for names."""
    dob: str | None = None
    country: str | None = None


def guess_kind(value: str) -> str:
    """The kind an untyped input most likely is: e-mail, payment account, phone, else a name."""
    text = value.strip()
    if "@" in text:
        return "email"
    compact = re.sub(r"[\s-]+", "", text)
    if _ACCOUNT.match(compact):
        return "account"
    if sum(c.isdigit() for c in text) >= 7 and not re.search(r"[A-Za-z]{2,}", text):
        return "phone"
    return "name"


def normalise(index: int, value: str, kind: str | None = None, region: str = "GB",
              dob: str | None = None, country: str | None = None) -> Normalised:  # fmt: skip
    """One input normalised to the hub's key; :class:`InputError` (by position, no value) otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(index, "the value is empty; give a phone, e-mail, payment account or name")
    k = (kind or guess_kind(value)).strip().lower()
    if k not in KINDS:
        raise InputError(index, f"unknown kind; use one of {', '.join(KINDS)} (or leave it out to guess)")
    if k == "name":
        name = normalise_person_name(value)
        if len(name.split()) < 2:
            raise InputError(index, "a name needs at least a given name and a family name")
        return Normalised(index, k, name, _dob(index, dob), _country(index, country))
    if k == "email" and not _EMAIL.match(value.strip().removeprefix("mailto:")):
        raise InputError(index, "not an e-mail address (expected local@domain)")
    if k == "phone":
        _check_phone(index, value, region)
    try:
        key = identifier_key(CATEGORY_CLASS[CATEGORY_OF_KIND[k]], value, region).key
    except KeyError_:
        raise InputError(index, f"the {k} cannot be normalised") from None
    return Normalised(index, k, key)


def _check_phone(index: int, value: str, region: str) -> None:
    raw = value.strip()
    try:
        number = phonenumbers.parse(raw, None if raw.startswith("+") else region)
    except phonenumbers.NumberParseException:
        raise InputError(index, f"not a phone number (read with default region {region})") from None
    if not phonenumbers.is_possible_number(number):
        raise InputError(index, f"not a possible phone number (read with default region {region})")


def _dob(index: int, dob: str | None) -> str | None:
    if dob is None or not dob.strip():
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dob.strip()):
        raise InputError(index, "date of birth must be YYYY-MM-DD")
    return dob.strip()


def _country(index: int, country: str | None) -> str | None:
    if country is None or not country.strip():
        return None
    if not re.fullmatch(r"[A-Za-z]{2}", country.strip()):
        raise InputError(index, "country must be a two-letter ISO 3166 code, e.g. GB")
    return country.strip().upper()


def identifier_keys(
    values: list[tuple[str, str | None]], region: str = "GB"
) -> tuple[list[str | None], list[InputError]]:
    """PSI inputs: (value, kind or None) → hub keys (None where the input is not a phone, e-mail or account),
    with the errors by position. Both the partner's client and the tests build their sets with it."""
    keys: list[str | None] = []
    errors: list[InputError] = []
    for i, (value, kind) in enumerate(values):
        try:
            n = normalise(i, value, kind, region)
        except InputError as exc:
            keys.append(None)
            errors.append(exc)
            continue
        if n.kind == "name":
            keys.append(None)
            errors.append(
                InputError(i, "names cannot be screened by PSI (exact identifiers only); use plain screening")
            )
        else:
            keys.append(n.key)
    return keys, errors
