"""Deterministic resolution keys: one mention value → the `id` of the entity node it belongs to.

Identifiers resolve on their normalised value (phones E.164, e-mails lower-cased, payment ids without
separators, URLs by host/path); organisations on a `fingerprints` name fingerprint (legal suffixes and
case folded), businesses plus their place when the document gives one; locations on geonameid or
kind + name (+ country code). People are NOT resolved here (see `graph.resolve_people`): this module
only gives their normalised name, the base of their key.

Keys are opaque to clients but readable: `phone:+447700900123`, `email:jane@example.com`,
`business:sunrise cleaning@london`, `person:viktor petrov`, `person:viktor petrov#2`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import fingerprints
import phonenumbers

from ontology import load_ontology
from ontology.names import C

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w\s'-]+")
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "madam", "mme", "herr", "frau", "sr", "sra"}
_BUSINESS_FAMILY = load_ontology().classes_under(C.Business)
_PAYMENT = load_ontology().classes_under(C.PaymentAccount)


@dataclass(frozen=True)
class Resolved:
    """How one mention resolves: its node key, the normalised value and search variants."""

    key: str
    value: str
    variants: tuple[str, ...] = field(default=())


class KeyError_(ValueError):
    """A mention whose value cannot be normalised (e.g. an empty name, an unparsable phone)."""


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def normalise_person_name(name: str) -> str:
    """Lower-case, accents folded, punctuation and honorifics dropped, spaces collapsed; a typographic
    apostrophe is the plain one (O’Neill and O'Neill are one name)."""
    text = _NOT_WORD.sub(" ", ascii_fold(name).casefold().replace(".", " ").replace("’", "'"))
    tokens = [t for t in _SPACES.split(text.strip()) if t]
    while tokens and tokens[0] in _HONORIFICS:
        tokens = tokens[1:]
    return " ".join(tokens)


@lru_cache(maxsize=65536)
def business_fingerprint(name: str) -> str:
    """Legal forms removed, case/accents folded, order kept: 'Sunrise Cleaning Ltd.' → 'sunrise cleaning'."""
    fp = fingerprints.generate(fingerprints.remove_types(name), keep_order=True)
    if not fp:
        fp = fingerprints.generate(name, keep_order=True)
    return fp or ""


def normalise_place(name: str) -> str:
    return _SPACES.sub(" ", ascii_fold(name).casefold()).strip(" ,.")


@lru_cache(maxsize=65536)
def phone_variants(value: str, region: str = "US") -> Resolved:
    """E.164 key plus national, international and digits-only forms, so any format finds the node."""
    raw = value.strip()
    try:
        num = phonenumbers.parse(raw, None if raw.startswith("+") else region)
    except phonenumbers.NumberParseException as exc:
        raise KeyError_(f"phone '{value}' cannot be parsed: {exc}") from None
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    national = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
    intl = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    digits = e164.lstrip("+")
    national_digits = re.sub(r"\D", "", national)
    variants = tuple(dict.fromkeys([e164, intl, national, digits, national_digits]))
    return Resolved(f"phone:{e164}", e164, variants)


@lru_cache(maxsize=65536)
def website_value(value: str) -> str:
    text = value.strip().casefold()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = text.split("#", 1)[0].split("?", 1)[0]
    text = re.sub(r"^www\d?\.", "", text)
    return text.rstrip("/")


def payment_value(value: str) -> str:
    """Separators dropped; IBAN-like upper-cased; $cashtags, 0x..., bc1... lower-cased."""
    v = re.sub(r"[\s-]+", "", value.strip())
    if re.fullmatch(r"[A-Za-z]{2}\d{2}[A-Za-z0-9]+", v):
        return v.upper()
    if v.lower().startswith(("0x", "bc1", "$", "@")):
        return v.casefold()
    return v


def search_value(text: str, region: str) -> str | None:
    """The stored value of the identifier a search text names (an e-mail or a possible phone number),
    normalised by the same functions ingest keys nodes with; None for any other text."""
    if "@" in text:
        return identifier_key(C.Email, text, region).value
    if sum(c.isdigit() for c in text) < 7 or re.search(r"[A-Za-z]{2,}", text):
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phone_variants(text, region).value


def phone_from_matches(text: str, region: str, stored: Iterable[str]) -> str | None:
    """The E.164 number a phone-looking text names: normalised in `region`, else the one stored number that
    ends with its national digits ('07700 900101' under region US → '+447700900101' when that is stored).
    The API's search and the CLI's phone parameters both read numbers through this."""
    value = search_value(text, region)
    if value is not None or "@" in text:
        return value
    digits = phone_digits(text)
    found = sorted({s for s in stored if digits and s.startswith("+") and s.endswith(digits)})
    return found[0] if len(found) == 1 else None


def phone_digits(text: str) -> str:
    """National digits of a phone-looking text ("07700 900123" → "7700900123"), "" otherwise."""
    if re.search(r"[A-Za-z@]", text):
        return ""
    digits = re.sub(r"\D", "", text).lstrip("0")
    return digits if len(digits) >= 7 else ""


def identifier_key(kind: str, value: str, region: str = "US") -> Resolved:
    """Key for an Identifier subclass (Phone, Email, Website, SocialHandle, PaymentAccount..., Vehicle)."""
    if kind == C.Phone:
        return phone_variants(value, region)
    if kind == C.Email:
        v = value.strip().casefold().removeprefix("mailto:")
        return Resolved(f"email:{v}", v, (v,))
    if kind == C.Website:
        v = website_value(value)
        host = v.split("/", 1)[0]
        return Resolved(f"website:{v}", v, tuple(dict.fromkeys([v, host])))
    if kind == C.SocialHandle:
        v = value.strip().casefold().lstrip("@")
        return Resolved(f"handle:{v}", v, (v, f"@{v}"))
    if kind in _PAYMENT:
        v = payment_value(value)
        return Resolved(f"account:{v}", v, tuple(dict.fromkeys([v, value.strip()])))
    if kind == C.Vehicle:
        v = re.sub(r"[^A-Za-z0-9]", "", value).upper()
        return Resolved(f"vehicle:{v}", v, tuple(dict.fromkeys([v, value.strip()])))
    v = _SPACES.sub(" ", value.strip().casefold())
    return Resolved(f"{kind.lower()}:{v}", v, (v,))


def organization_key(kind: str, name: str, place: str | None = None) -> Resolved:
    """Businesses: `business:<fingerprint>[@place]`; other organisations: `<kind>:<fingerprint>`."""
    fp = business_fingerprint(name)
    if not fp:
        raise KeyError_(f"organisation name '{name}' is empty after normalisation")
    if kind in _BUSINESS_FAMILY:
        key = f"business:{fp}" + (f"@{normalise_place(place)}" if place else "")
    else:
        key = f"{kind.lower()}:{fp}"
    return Resolved(key, fp, tuple(dict.fromkeys([fp, business_fingerprint(name) or fp])))


def location_key(kind: str, name: str, attributes: dict[str, object]) -> Resolved:
    """`location:geonames:<id>` when a geonameid is known, else `<kind>:<name>[|cc]`."""
    place = normalise_place(name)
    if not place:
        raise KeyError_(f"location name '{name}' is empty")
    geonameid = attributes.get("geonameid")
    if geonameid not in (None, ""):
        return Resolved(f"location:geonames:{geonameid}", place, (place,))
    cc = str(attributes.get("country_code") or "").casefold()
    return Resolved(f"{kind.lower()}:{place}" + (f"|{cc}" if cc else ""), place, (place,))


def person_base(name: str) -> str:
    base = normalise_person_name(name)
    if not base:
        raise KeyError_(f"person name '{name}' is empty after normalisation")
    return f"person:{base}"


def is_business(kind: str) -> bool:
    return kind in _BUSINESS_FAMILY
