"""The ontology names money-flow code uses, asked of the loader (the Turtle alone writes them).

* `TRANSFER`: the relationship type of one transfer, from the property `transferredTo`.
* `RECORD_LABELS`: the labels of a transaction-record document (the CSV a transfer was read from); the
  class is named once here and checked against the ontology at import.
* `account_kind(value)`: the most specific payment-account class for an account's shape (a rule about
  three classes, so it names them; each is checked against the ontology at import).
"""

from __future__ import annotations

import re

from ontology import load_ontology
from ontology.names import C

_ONT = load_ontology()
TRANSFER = _ONT.relation_named("transferredTo").type
RECORD_CLASS = C.TransactionRecord
RECORD_LABELS = _ONT.labels_for(RECORD_CLASS)
ACCOUNT_CLASSES = _ONT.classes_under(C.PaymentAccount)

_BANK = C.BankAccount
_WALLET = C.CryptoWallet
_APP = C.PaymentAppAccount
for _name in (_BANK, _WALLET, _APP):
    if _name not in ACCOUNT_CLASSES:
        raise RuntimeError(f"ontology/lantern.ttl no longer defines {_name} under PaymentAccount")
if not _ONT.is_subclass(RECORD_CLASS, C.Document):
    raise RuntimeError(f"ontology/lantern.ttl no longer defines {RECORD_CLASS} as a Document")

_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}")
_WALLET_SHAPE = re.compile(r"(0x[0-9a-f]{40}|bc1[0-9a-z]{20,60}|[13][1-9A-HJ-NP-Za-km-z]{25,34})")


def account_kind(value: str) -> str:
    """BankAccount for IBANs and plain account numbers, CryptoWallet for wallet addresses, PaymentAppAccount
    for `$tag` / `@handle` payment-app ids (value normalised by `graph.resolve_keys.payment_value`)."""
    if _WALLET_SHAPE.fullmatch(value):
        return _WALLET
    if value.startswith(("$", "@")):
        return _APP
    return _BANK


def account_labels(kind: str) -> list[str]:
    return _ONT.labels_for(kind)


def is_iban_like(value: str) -> bool:
    return bool(_IBAN.fullmatch(value))
