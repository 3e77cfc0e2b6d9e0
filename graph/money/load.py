"""Write transactions into the graph: the record document, payment accounts, transfers — in batches.

Every write is `UNWIND $rows ... MERGE` keyed on constrained or indexed ids, so a re-run changes nothing.
Before a batch is written, ids already in the graph are read: a given id that now names a different payment
(other accounts, amount, currency or moment) is refused for that row with the line it came from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.db import Database, Runner
from graph.money.reader import RowError, Transaction
from graph.money.settings import MoneySettings
from graph.money.vocabulary import RECORD_LABELS, account_kind, account_labels
from graph.resolve_keys import identifier_key


@dataclass
class ImportSummary:
    record_id: str
    rows_read: int
    transfers_written: int = 0
    evidence_added: int = 0
    accounts: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def unchanged(self) -> int:
        """Transfers that were already in the graph with this file as evidence (a re-run)."""
        return self.transfers_written - self.evidence_added


def record_id(source: str, path: Path) -> str:
    return f"transactions:{source}/{path.name}"


def account_row(value: str) -> dict[str, Any]:
    kind = account_kind(value)
    resolved = identifier_key(kind, value)
    return {
        "id": resolved.key,
        "value": resolved.value,
        "kind": kind,
        "labels": account_labels(kind),
        "variants": list(resolved.variants),
    }


def _same(t: Transaction, src: str, dst: str, old: dict[str, Any]) -> bool:
    return (old["src"], old["dst"], round(float(old["amount"]), 2), old["currency"], old["at"][:16]) == (
        src,
        dst,
        t.amount,
        t.currency,
        t.at.isoformat()[:16],
    )


def _batches(items: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def import_transactions(
    db: Runner,
    transactions: list[Transaction],
    *,
    source: str,
    path: Path,
    errors: list[RowError] | None = None,
    settings: MoneySettings | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Write the file's good rows; refused rows join `errors`. `progress(n)` after each batch of n rows."""
    settings = settings or MoneySettings()
    if isinstance(db, Database):
        db.run_schema("money/schema")
    doc_id = record_id(source, path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""
    db.write(
        "money/merge_record",
        id=doc_id,
        labels=RECORD_LABELS,
        title=f"Transactions {path.name} ({source})",
        source=source,
        file=path.name,
        sha256=digest,
        rows=len(transactions) + len(errors or []),
        imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    summary = ImportSummary(doc_id, len(transactions) + len(errors or []), errors=list(errors or []))
    accounts: dict[str, dict[str, Any]] = {}
    for batch in _batches(transactions, settings.import_batch_size):
        ends = {v: account_row(v) for t in batch for v in (t.from_account, t.to_account)}
        existing = {r["id"]: r for r in db.read("money/existing_transfers", ids=[t.id for t in batch])}
        rows = []
        for t in batch:
            src, dst = ends[t.from_account]["id"], ends[t.to_account]["id"]
            old = existing.get(t.id)
            if old is not None and not _same(t, src, dst, old):
                where = ", ".join(
                    f"{d} line {r}" for d, r in zip(old["doc_ids"] or [], old["rows"] or [], strict=False)
                )
                summary.errors.append(
                    RowError(
                        t.line,
                        t.id,
                        f"transaction id already in the graph for a different "
                        f"payment ({old['amount']} {old['currency']} {old['src']} → "
                        f"{old['dst']}, from {where}): give this payment its own id",
                    )
                )
                continue
            rows.append(
                {
                    "id": t.id,
                    "src": src,
                    "dst": dst,
                    "at": t.at.isoformat(),
                    "has_time": t.has_time,
                    "amount": t.amount,
                    "currency": t.currency,
                    "reference": t.reference,
                    "doc_id": doc_id,
                    "line": t.line,
                    "raw": t.raw,
                }
            )
        needed = {r["src"] for r in rows} | {r["dst"] for r in rows}
        new_accounts = [a for a in ends.values() if a["id"] in needed and a["id"] not in accounts]
        if new_accounts:
            db.write("money/merge_accounts", rows=new_accounts)
            accounts.update((a["id"], a) for a in new_accounts)
        if rows:
            out = db.write("money/merge_transfers", rows=rows)
            summary.transfers_written += int(out[0]["count"]) if out else 0
            summary.evidence_added += int(out[0]["added"] or 0) if out else 0
        if progress:
            progress(len(batch))
    summary.accounts = len(accounts)
    summary.errors.sort(key=lambda e: e.line)
    return summary


def import_file(
    db: Runner,
    path: Path,
    source: str,
    *,
    refresh_flags: bool = True,
    start: Callable[[int], Callable[[int], None]] | None = None,
) -> tuple[ImportSummary, int | None]:
    """Read `path`, write its good rows, and (by default) re-run the red flags over the whole graph.
    `start(total)` is called once the rows are read and returns the per-batch progress callback.
    Returns (summary, number of flags stored or None when not refreshed). ValueError: unreadable header."""
    from graph.money.flags import refresh
    from graph.money.reader import read_transactions

    transactions, errors = read_transactions(path, source)
    tick = start(len(transactions)) if start else None
    summary = import_transactions(db, transactions, source=source, path=path, errors=errors, progress=tick)
    return summary, (len(refresh(db)) if refresh_flags else None)
