"""Field-level masking of personal data — the ONE place that decides what a role may see.

It lives below the API: the GraphQL presenter (api/graphql/present.py) and the supplier-audit report
(graph/audit/masking.py) both use it. Which classes hold personal data is ontology data
(`lt:personalData` on the class, inherited by subclasses); which roles see a category masked is
the policy below. Personal categories and the roles that see them masked (docs/guide/privacy.md):

| category | kinds                                                     | analyst | auditor |
|----------|-----------------------------------------------------------|---------|---------|
| person   | Person                                                    | clear   | masked  |
| phone    | Phone                                                     | masked  | masked  |
| email    | Email                                                     | masked  | masked  |
| payment  | PaymentAccount, BankAccount, CryptoWallet, PaymentAppAccount | masked | masked |
| handle   | SocialHandle                                              | masked  | masked  |
| vehicle  | Vehicle                                                   | masked  | masked  |

admin and investigator see everything in clear. A `partner` (a bank, an employer screening its own
people) sees nothing of the graph at all: :data:`ROLE_SCOPES` limits it to its own screening results
(GraphQL `screen`, `POST /api/screen`, `POST /api/screen/psi`); every other field and route refuses it.
For the other roles, businesses, locations, documents' titles, graph structure, scores and
indicators are never masked. Masked values are consistent: the same input gives the
same output (person names become a stable pseudonym `Person 3f2a9c` keyed by an HMAC secret kept
in the state directory), so structure stays readable.

Public helpers: :func:`mask_value`, :func:`mask_snippet`, :func:`is_masked`, :func:`category_of`.
The pseudonym secret is set with :func:`configure` by whoever owns it (the API's state store).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable
from functools import lru_cache

import phonenumbers

from ontology import load_ontology

BULLET = "•"

CATEGORY_KINDS: dict[str, frozenset[str]] = load_ontology().personal_data_categories()
"""Category → class names, from `lt:personalData` in lantern.ttl."""
CATEGORY_CLASS: dict[str, str] = {
    c.personal_data: name for name, c in load_ontology().classes.items() if c.personal_data
}
"""Category → the class it is annotated on (e.g. person → the people class)."""
IDENTIFIER_CATEGORIES = frozenset({"phone", "email", "payment", "handle", "vehicle"})
MASKED_CATEGORIES: dict[str, frozenset[str]] = {
    "admin": frozenset(),
    "investigator": frozenset(),
    "analyst": IDENTIFIER_CATEGORIES,
    "auditor": IDENTIFIER_CATEGORIES | {"person"},
    "partner": IDENTIFIER_CATEGORIES | {"person"},
}
PARTNER_FIELDS = frozenset({"screen"})
"""The GraphQL root fields a partner key may run (introspection's `__schema`/`__type`/`__typename` describe
the API, not the graph, and stay open)."""
PARTNER_ROUTES = frozenset({"/api/screen", "/api/screen/psi"})
"""The HTTP paths a partner key may call; any other path with a partner key is refused (403)."""
ROLE_SCOPES: dict[str, frozenset[str] | None] = {"partner": PARTNER_FIELDS}
"""Role → the only GraphQL root fields it may run (None or absent: every field, by the role checks)."""


def field_allowed(role: object, field: str) -> bool:
    """True when `role` may run the GraphQL root field `field` at all (partners: screening only)."""
    scope = ROLE_SCOPES.get(_role(role))
    return scope is None or field in scope or field.startswith("__")


def route_allowed(role: object, path: str) -> bool:
    """True when a key of `role` may call the HTTP path `path` (partners: the screening endpoints only)."""
    return _role(role) not in ROLE_SCOPES or path.rstrip("/") in PARTNER_ROUTES


PERSONAL_KINDS = frozenset().union(*CATEGORY_KINDS.values())

_secret: str | None = None


def configure(secret: str) -> None:
    """Set the HMAC secret behind pseudonyms (the app does this from its state store)."""
    global _secret
    _secret = secret


def _get_secret() -> str:
    if _secret is None:
        raise RuntimeError(
            "graph.privacy has no pseudonym secret: call graph.privacy.configure(secret) first "
            "(the API and `lantern audit` do it from the state store)"
        )
    return _secret


def category_masked(category: str, role: object) -> bool:
    """True when `role` sees values of this personal-data category masked (unknown roles: all)."""
    return category in MASKED_CATEGORIES.get(_role(role), frozenset(CATEGORY_KINDS))


def _role(role: object) -> str:
    return str(getattr(role, "value", role)).lower()


def category_of(kind: str | None, labels: Iterable[str] = ()) -> str | None:
    """The personal-data category of an entity kind (or any of its labels), or None."""
    return _category(kind, labels if isinstance(labels, tuple) else tuple(labels))


@lru_cache(maxsize=4096)
def _category(kind: str | None, labels: tuple[str, ...]) -> str | None:
    # a response asks this for every node and edge end; the kinds and label sets are few
    names = {kind, *labels} if kind else set(labels)
    for category, kinds in CATEGORY_KINDS.items():
        if names & kinds:
            return category
    return None


def is_masked(kind: str | None, role: object, labels: Iterable[str] = ()) -> bool:
    """True when `role` must not see values of this kind in clear (unknown roles: everything masked)."""
    category = category_of(kind, labels)
    if category is None:
        return False
    return category_masked(category, role)


def pseudonym(key: str, length: int = 6) -> str:
    """Stable short hex pseudonym of a key (entity id or normalised value)."""
    digest = hmac.new(_get_secret().encode(), key.strip().lower().encode(), hashlib.sha256).hexdigest()
    return digest[:length]


def anon_id(entity_id: str) -> str:
    """The opaque id a masked role sees instead of an entity id that embeds personal data."""
    return "anon:" + pseudonym(entity_id, 16)


def _mask_phone(value: str) -> str:
    try:
        parsed = phonenumbers.parse(value, None if value.strip().startswith("+") else "GB")
        text = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        cc = f"+{parsed.country_code}"
        rest = text[len(cc) :]
    except phonenumbers.NumberParseException:
        cc, rest = "", value
    digits_seen, total = 0, sum(c.isdigit() for c in rest)
    out = []
    for c in rest:
        if c.isdigit():
            digits_seen += 1
            keep = digits_seen <= 2 or digits_seen > total - 3
            out.append(c if keep and total > 5 else BULLET)
        else:
            out.append(c)
    return cc + "".join(out)


def _mask_email(value: str) -> str:
    local, at, domain = value.partition("@")
    if not at:
        return BULLET * 3
    return f"{local[:1]}{BULLET * 3}@{domain}"


def mask_value(kind: str | None, value: str | None, role: object, key: str | None = None) -> str | None:
    """`value` as `role` may see it. `key` (the entity id) makes person pseudonyms stable across aliases."""
    if value is None or not is_masked(kind, role):
        return value
    return _masked(category_of(kind), value, key, _get_secret())


@lru_cache(maxsize=65536)
def _masked(category: str | None, value: str, key: str | None, _secret_version: str) -> str:
    if category == "person":
        return f"Person {pseudonym(key or value)}"
    if category == "phone":
        return _mask_phone(value)
    if category == "email":
        return _mask_email(value)
    if category == "payment":
        tail = re.sub(r"\s", "", value)[-4:]
        return f"{BULLET * 4} {tail}" if len(value) > 6 else BULLET * 4
    if category == "handle":
        bare = value.lstrip("@")
        return f"@{bare[:1]}{BULLET * 3}"
    return f"{BULLET * 3}{value[-2:]}" if len(value) > 4 else BULLET * 3


def mask_snippet(
    snippet: str | None, role: object, mentions: Iterable[tuple[str, str, str | None]] = ()
) -> str | None:
    """Mask personal spans inside a text snippet (see :mod:`graph.privacy_text`).

    `mentions` are (kind, surface text, entity id) of entities known to occur in the snippet's document
    (from MENTIONED_IN texts, names, aliases and values); each occurrence of a masked kind — and each
    capitalised part of a masked person's name — is replaced by a fixed-length token. Identifier-shaped
    strings (e-mails, phones, also obfuscated ones, IBANs) are masked as well when the role masks those
    categories, so a mention extraction missed is not shown either.
    """
    if not snippet or not MASKED_CATEGORIES.get(_role(role), {"all"}):
        return snippet
    from graph.privacy_text import Lexicon, scrub

    return scrub(snippet, role, Lexicon().extend(mentions))


def snippet_reveals(
    snippet: str | None, role: object, mentions: Iterable[tuple[str, str, str | None]]
) -> list[str]:
    """Entity ids whose personal surface text appears in clear in `snippet` for `role` (for the audit log)."""
    if not snippet:
        return []
    low = snippet.lower()
    return sorted(
        {
            key or surface
            for kind, surface, key in mentions
            if surface and category_of(kind) and not is_masked(kind, role) and surface.lower() in low
        }
    )
