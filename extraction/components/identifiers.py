"""Identifiers other than phones: emails (also "name at domain dot com"), websites, social
handles, payment identifiers (IBAN, crypto wallets, payment-app ids) and licence plates stated as such.

Each finder returns `IdentifierHit`s with offsets into the text and a normalised value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ontology.names import C

TLDS = (
    "com|org|net|edu|gov|info|biz|io|me|co|us|uk|ca|de|fr|es|it|nl|ru|cn|in|mx|ph|vn|th|ng|ro|pl|"
    "ua|br|au|xyz|online|site|club|app|ly|tv|to"
)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,10}\b")
_AT = r"\s*(?:\[at\]|\(at\)|\{at\}|<at>)\s*|\s+(?:at|AT)\s+"
_DOT = r"\s*(?:\[dot\]|\(dot\)|\{dot\}|<dot>)\s*|\s+(?:dot|DOT)\s+"
OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+-])([A-Za-z0-9._+-]+)(?:{_AT})([A-Za-z0-9-]+(?:(?:{_DOT}|\.)[A-Za-z0-9-]+)*)"
    rf"(?:{_DOT})({TLDS})\b"
)
URL = re.compile(
    rf"(?:\bhttps?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+|"
    rf"(?<![@\w.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:{TLDS})\b(?:/[^\s<>\"')\]]*)?)",
    re.IGNORECASE,
)
HANDLE = re.compile(r"(?<![\w@.$])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)\b")
PLATFORM_HANDLE = re.compile(
    r"\b(Instagram|Snapchat|Twitter|TikTok|Telegram|Kik|Facebook|WhatsApp|X)"
    r"\s*(?:account|handle|username|user name|profile|ID|id)?\s*(?:named|called|:)\s*[\"“']?"
    r"@?([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)"
)
CASHTAG = re.compile(r"(?<![\w$])\$([A-Za-z][A-Za-z0-9_-]{2,20})\b")
VENMO = re.compile(
    r"\b(Venmo|PayPal|Zelle|Cash ?App)\s*(?:account|handle|username|ID|id|tag)?\s*(?:named|:)?\s*"
    r"(@[A-Za-z0-9_-]{3,30}|\$[A-Za-z][A-Za-z0-9_-]{2,20})",
    re.IGNORECASE,
)
PAYPAL_ME = re.compile(r"\bpaypal\.me/([A-Za-z0-9_-]{3,30})", re.IGNORECASE)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
BANK_ACCOUNT = re.compile(
    r"\b(?:bank )?account (?:number|no\.?|#)\s*:?\s*([0-9][0-9 -]{5,20}[0-9])", re.IGNORECASE
)
BTC = re.compile(r"\b(?:bc1[02-9ac-hj-np-z]{25,59}|[13][1-9A-HJ-NP-Za-km-z]{25,34})\b")
ETH = re.compile(r"\b0x[a-fA-F0-9]{40}\b")
PLATE = re.compile(
    r"\b(?:licen[cs]e plate|plate number|registration plate|plates?|registration number)"
    r"\s*(?:number|no\.?|#)?\s*(?:of|reading|:)?\s*[\"“]?([A-Z0-9]{1,4}[ -]?[A-Z0-9]{1,5})\b"
)


@dataclass
class IdentifierHit:
    type: str
    start: int
    end: int
    value: str
    confidence: float
    attributes: dict[str, Any] = field(default_factory=dict)


def _iban_ok(candidate: str) -> bool:
    compact = candidate.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    moved = compact[4:] + compact[:4]
    digits = "".join(str(int(ch, 36)) for ch in moved)
    return int(digits) % 97 == 1


def find_emails(text: str) -> list[IdentifierHit]:
    hits = [
        IdentifierHit(C.Email, m.start(), m.end(), m.group(0).lower().rstrip("."), 0.98)
        for m in EMAIL.finditer(text)
    ]
    for m in OBFUSCATED_EMAIL.finditer(text):
        domain = re.sub(rf"(?:{_DOT})", ".", m.group(2))
        value = f"{m.group(1)}@{domain}.{m.group(3)}".lower()
        hits.append(IdentifierHit(C.Email, m.start(), m.end(), value, 0.85, {"obfuscated": True}))
    return hits


def find_websites(text: str) -> list[IdentifierHit]:
    hits = []
    for m in URL.finditer(text):
        raw = m.group(0).rstrip(".,;:!?")
        value = re.sub(r"^https?://", "", raw, flags=re.IGNORECASE).rstrip("/")
        host, _, path = value.partition("/")
        value = host.lower() + ("/" + path if path else "")
        hits.append(IdentifierHit(C.Website, m.start(), m.start() + len(raw), value, 0.9))
    return hits


def find_handles(text: str) -> list[IdentifierHit]:
    hits = [
        IdentifierHit(C.SocialHandle, m.start(), m.end(), "@" + m.group(1).lower(), 0.85)
        for m in HANDLE.finditer(text)
    ]
    for m in PLATFORM_HANDLE.finditer(text):
        start = m.start(2) - (1 if text[m.start(2) - 1] == "@" else 0)
        attrs = {"platform": m.group(1).lower()}
        hits.append(IdentifierHit(C.SocialHandle, start, m.end(2), "@" + m.group(2).lower(), 0.8, attrs))
    return hits


def find_payments(text: str) -> list[IdentifierHit]:
    hits: list[IdentifierHit] = []
    for m in VENMO.finditer(text):
        app = m.group(1).lower().replace(" ", "")
        hits.append(
            IdentifierHit(
                C.PaymentAppAccount,
                m.start(2),
                m.end(2),
                f"{app}:{m.group(2).lower()}",
                0.9,
                {"app": app},
            )
        )
    for m in CASHTAG.finditer(text):
        hits.append(
            IdentifierHit(
                C.PaymentAppAccount,
                m.start(),
                m.end(),
                f"cashapp:${m.group(1).lower()}",
                0.75,
                {"app": "cashapp"},
            )
        )
    for m in PAYPAL_ME.finditer(text):
        hits.append(
            IdentifierHit(
                C.PaymentAppAccount,
                m.start(),
                m.end(),
                f"paypal:@{m.group(1).lower()}",
                0.9,
                {"app": "paypal"},
            )
        )
    for m in IBAN.finditer(text):
        if _iban_ok(m.group(0)):
            value = m.group(0).replace(" ", "")
            hits.append(IdentifierHit(C.BankAccount, m.start(), m.end(), value, 0.95, {"iban": True}))
    for m in BANK_ACCOUNT.finditer(text):
        value = re.sub(r"[ -]", "", m.group(1))
        hits.append(IdentifierHit(C.BankAccount, m.start(1), m.end(1), value, 0.8))
    for m in BTC.finditer(text):
        if any(ch.isdigit() for ch in m.group(0)) and any(ch.isalpha() for ch in m.group(0)):
            attrs = {"currency": "BTC"}
            hits.append(IdentifierHit(C.CryptoWallet, m.start(), m.end(), m.group(0), 0.85, attrs))
    for m in ETH.finditer(text):
        attrs = {"currency": "ETH"}
        hits.append(IdentifierHit(C.CryptoWallet, m.start(), m.end(), m.group(0).lower(), 0.9, attrs))
    return hits


def find_vehicles(text: str) -> list[IdentifierHit]:
    hits = []
    for m in PLATE.finditer(text):
        plate = m.group(1)
        compact = re.sub(r"[ -]", "", plate)
        if len(compact) >= 4 and any(ch.isdigit() for ch in compact):
            attrs = {"plate": compact}
            hits.append(IdentifierHit(C.Vehicle, m.start(1), m.end(1), compact, 0.85, attrs))
    return hits


PRIORITY = {
    C.Email: 0,
    C.PaymentAppAccount: 1,
    C.BankAccount: 1,
    C.CryptoWallet: 1,
    C.Phone: 2,
    C.Website: 3,
    C.SocialHandle: 4,
    C.Vehicle: 5,
}


def _pick(cluster: list[IdentifierHit]) -> list[IdentifierHit]:
    ordered = sorted(cluster, key=lambda h: (PRIORITY.get(h.type, 9), -(h.end - h.start), h.start))
    kept: list[IdentifierHit] = []
    for hit in ordered:
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return kept


def resolve_overlaps(hits: list[IdentifierHit]) -> list[IdentifierHit]:
    """Keep the higher-priority (then longer) hit where two identifiers overlap. Hits are grouped
    into clusters of mutually reachable overlaps first, so the work is linear in the hit count."""
    kept: list[IdentifierHit] = []
    cluster: list[IdentifierHit] = []
    cluster_end = -1
    for hit in sorted(hits, key=lambda h: h.start):
        if cluster and hit.start >= cluster_end:
            kept += _pick(cluster)
            cluster = []
        cluster.append(hit)
        cluster_end = max(cluster_end, hit.end) if len(cluster) > 1 else hit.end
    kept += _pick(cluster)
    return sorted(kept, key=lambda h: h.start)


def find_identifiers(text: str) -> list[IdentifierHit]:
    """Every non-phone identifier in `text` (overlaps resolved)."""
    hits = find_emails(text) + find_websites(text) + find_handles(text)
    hits += find_payments(text) + find_vehicles(text)
    return resolve_overlaps(hits)
