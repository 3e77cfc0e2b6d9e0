"""Explained match scores between a supplier and the graph's businesses.

Score = the strongest of: exact phone or email with a name that agrees (0.95), normalised name equal
(0.90, `fingerprints` with legal forms removed), fuzzy name (rapidfuzz token-sort ratio ≥ 85 → ratio ×
0.85), exact phone or email under a different name (0.65: a shared identifier — fronts share numbers, so
it still matches); then +0.05 when the address also matches, +0.03 when name and identifier agree,
−0.15 when the countries disagree. A supplier matches a business at `threshold` (default 0.6). An
address alone scores 0.5: shown as a near miss, never a match. Identifiers in explanations go through
`show` (masking).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import fingerprints
import phonenumbers
from rapidfuzz import fuzz

from graph.audit.model import BusinessMatch, MatchReason
from graph.audit.suppliers import Supplier
from ontology.names import C

DEFAULT_THRESHOLD = 0.6
PHONE_ONLY = 0.65
FUZZY_MIN_RATIO = 85.0


def normalise_name(name: str) -> str:
    """Fingerprint without legal forms (Ltd, GmbH, LLC): 'Sunrise Staffing Ltd.' → 'staffing sunrise'."""
    cleaned = fingerprints.remove_types(name or "") or name or ""
    return fingerprints.generate(cleaned) or ""


def normalise_phone(phone: str, region: str = "") -> str:
    """E.164, or "" when the number cannot be read."""
    if not phone.strip():
        return ""
    try:
        parsed = phonenumbers.parse(phone, (region or "GB").upper() if len(region) == 2 else "GB")
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalise_address(address: str) -> str:
    return fingerprints.generate(address or "") or ""


@dataclass
class Candidate:
    """A graph business as read by `supplier_audit/business_candidates`."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    country_codes: list[str] = field(default_factory=list)
    names_norm: list[str] = field(default_factory=list)
    addresses_norm: list[str] = field(default_factory=list)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Candidate:
        names = [row.get("name") or ""] + [a for a in row.get("aliases") or [] if a]
        addresses = [a for a in row.get("addresses") or [] if a]
        return cls(
            id=row["id"],
            name=row.get("name") or row["id"],
            kind=row.get("kind") or C.Business,
            aliases=list(row.get("aliases") or []),
            phones=[p for p in row.get("phones") or [] if p],
            emails=[e.lower() for e in row.get("emails") or [] if e],
            addresses=addresses,
            country_codes=[c.upper() for c in row.get("country_codes") or [] if c],
            names_norm=[n for n in (normalise_name(x) for x in names) if n],
            addresses_norm=[n for n in (normalise_address(a) for a in addresses) if n],
        )


def _clear(kind: str, value: str) -> str:
    return value


def score_candidate(
    supplier: Supplier, cand: Candidate, show: Callable[[str, str], str] = _clear
) -> BusinessMatch | None:
    """The explained score of one supplier against one business, or None when nothing matches at all."""
    reasons: list[MatchReason] = []
    phone = normalise_phone(supplier.phone, supplier.country)
    phone_hit = bool(phone) and phone in cand.phones
    email_hit = bool(supplier.email) and supplier.email in cand.emails
    sname = normalise_name(supplier.name)
    name_score = 0.0
    if sname and sname in cand.names_norm:
        name_score = 0.90
        reasons.append(
            MatchReason("normalised name", f"'{supplier.name}' and '{cand.name}' both read '{sname}'", 0.90)
        )
    elif sname and cand.names_norm:
        ratio = max(fuzz.token_sort_ratio(sname, n) for n in cand.names_norm)
        if ratio >= FUZZY_MIN_RATIO:
            name_score = round(ratio / 100 * 0.85, 3)
            reasons.append(
                MatchReason(
                    "fuzzy name",
                    f"'{supplier.name}' ~ '{cand.name}' (token-sort ratio {ratio:.0f})",
                    name_score,
                )
            )
    if phone_hit:
        phone_score = 0.95 if name_score > 0 else PHONE_ONLY
        detail = f"{show(C.Phone, phone)} is used by {cand.name}" + ("" if name_score else " (names differ)")
        reasons.insert(0, MatchReason("exact phone", detail, phone_score))
    if email_hit:
        detail = f"{show(C.Email, supplier.email)} is used by {cand.name}" + (
            "" if name_score else " (names differ)"
        )
        reasons.insert(0, MatchReason("exact email", detail, 0.95 if name_score > 0 else PHONE_ONLY))
    phone_hit = phone_hit or email_hit
    addr = normalise_address(supplier.address)
    addr_hit = bool(addr) and any(fuzz.token_sort_ratio(addr, a) >= 90 for a in cand.addresses_norm)
    base = max((0.95 if name_score else PHONE_ONLY) if phone_hit else 0.0, name_score)
    if addr_hit:
        if base > 0:
            reasons.append(MatchReason("address", f"address '{supplier.address}' matches", 0.05))
        else:
            reasons.append(
                MatchReason("address", f"same address '{supplier.address}' but a different name", 0.5)
            )
    if base == 0 and not addr_hit:
        return None
    score = (base + (0.05 if addr_hit else 0.0)) if base > 0 else 0.5
    if phone_hit and name_score > 0:
        score += 0.03
        reasons.append(MatchReason("name and identifier", "both agree", 0.03))
    if supplier.country and len(supplier.country) == 2 and cand.country_codes:
        if supplier.country in cand.country_codes:
            reasons.append(MatchReason("country", f"{supplier.country} agrees", 0.0))
        else:
            score -= 0.15
            reasons.append(
                MatchReason(
                    "country",
                    f"supplier in {supplier.country}, business in {', '.join(cand.country_codes)}",
                    -0.15,
                )
            )
    return BusinessMatch(cand.id, cand.name, cand.kind, round(max(0.0, min(1.0, score)), 3), reasons)


def match_supplier(
    supplier: Supplier,
    candidates: list[Candidate],
    threshold: float = DEFAULT_THRESHOLD,
    keep: int = 3,
    show: Callable[[str, str], str] = _clear,
) -> tuple[list[BusinessMatch], list[BusinessMatch]]:
    """(matches ≥ threshold, best near misses below it), each best first, at most `keep` of each."""
    scored = [m for m in (score_candidate(supplier, c, show) for c in candidates) if m is not None]
    scored.sort(key=lambda m: (-m.score, m.business_name))
    matches = [m for m in scored if m.score >= threshold][:keep]
    near = [m for m in scored if m.score < threshold][:keep]
    return matches, near
