"""Money red flags: run the five library queries with the named thresholds, explain each hit in words an
analyst reads, and keep them on the account (`money_flags`, `money_flag_reasons`, `money_flag_transfers`),
where the risk score and the supplier audit find them.

Each flag names its subject account (the one the rule is about) and the transfers that justify it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.db import Runner
from graph.money.settings import MoneySettings

FAN_IN = "fan-in"
RENT = "rent for several"
ADVERTISING = "advertising"
RAPID = "rapid in-out"
STRUCTURING = "structuring"
FLAG_NAMES = (FAN_IN, RENT, ADVERTISING, RAPID, STRUCTURING)
QUERIES = {
    FAN_IN: "library/money_fan_in",
    RENT: "library/money_rent_for_several",
    ADVERTISING: "library/money_advertising",
    RAPID: "library/money_rapid_in_out",
    STRUCTURING: "library/money_structuring",
}
SHOWN_TRANSFERS = 12
"""Transfer ids kept per reason on the account (the library query lists them all)."""


@dataclass(frozen=True)
class Flag:
    flag: str
    account_id: str
    account: str
    explanation: str
    transfer_ids: tuple[str, ...] = field(default=())

    @property
    def reason(self) -> str:
        shown = ", ".join(self.transfer_ids[:SHOWN_TRANSFERS])
        more = (
            f" and {len(self.transfer_ids) - SHOWN_TRANSFERS} more"
            if len(self.transfer_ids) > SHOWN_TRANSFERS
            else ""
        )
        return f"money red flag {self.flag}: {self.explanation} (transfers {shown}{more})"


def params_for(flag: str, s: MoneySettings, limit: int) -> dict[str, Any]:
    """The library query's parameters from the settings (header defaults repeat them for Browser)."""
    table: dict[str, dict[str, Any]] = {
        FAN_IN: {
            "min_senders": s.fan_in_min_senders,
            "min_payments": s.fan_in_min_payments,
            "min_per_month": s.fan_in_min_per_month,
            "min_share": s.fan_in_min_share,
        },
        RENT: {
            "keywords": list(s.rent_keywords),
            "min_payments": s.rent_min_payments,
            "window_days": s.rent_window_days,
            "min_months": s.rent_min_months,
        },
        ADVERTISING: {
            "keywords": list(s.ad_keywords),
            "min_payments": s.ad_min_payments,
            "window_days": s.ad_window_days,
            "platform_min_payers": s.ad_platform_min_payers,
        },
        RAPID: {
            "hours": s.rapid_hours,
            "min_amount": s.rapid_min_amount,
            "min_ratio": s.rapid_min_ratio,
            "max_ratio": s.rapid_max_ratio,
            "min_events": s.rapid_min_events,
            "min_per_month": s.rapid_min_per_month,
            "min_share": s.rapid_min_share,
        },
        STRUCTURING: {
            "threshold": s.structuring_threshold,
            "margin": s.structuring_margin,
            "min_count": s.structuring_min_count,
            "window_days": s.structuring_window_days,
        },
    }
    return {**table[flag], "limit": limit}


def _money(amount: float, currencies: list[str] | str) -> str:
    cur = currencies if isinstance(currencies, str) else "/".join(sorted(currencies or []))
    return f"{amount:,.2f} {cur}".strip()


def explain(flag: str, row: dict[str, Any], s: MoneySettings) -> str:
    """One sentence saying what the transfers show, with the numbers that crossed the thresholds."""
    if flag == FAN_IN:
        senders = row["senders"]
        shares = ", ".join(
            f"{x['account']} ({x['payments']}×, {round(100 * x['share'])}% of its outgoing money)"
            for x in senders[:5]
        )
        return (
            f"{len(senders)} accounts pay it often and with most of what they pay out: {shares}; "
            f"{row['payments']} payments, {_money(row['total'], row['currencies'])} between {row['first']} "
            f"and {row['last']} — earnings of several people collected into one account"
        )
    if flag == RENT:
        months = "; ".join(
            f"{m['month']}: {m['payments']} payments ({', '.join(m['references'][:4])})"
            for m in row["months"][:3]
        )
        return (
            f"pays rent for several people to landlord account {row['landlord']} (at least "
            f"{s.rent_min_payments} rent payments within {s.rent_window_days} days) — {months}; "
            f"{row['payments']} rent payments, {row['total']:,.2f} in all"
        )
    if flag == ADVERTISING:
        by_platform = row.get("by_platform") or 0
        platform_note = (
            f" ({by_platform} of them without an advertising word, paid to an account at least "
            f"{s.ad_platform_min_payers} payers pay for adverts)"
            if by_platform
            else ""
        )
        return (
            f"{row['payments']} payments for classifieds / adult-services adverts{platform_note} between "
            f"{row['first']} and {row['last']} (at least {s.ad_min_payments} within {s.ad_window_days} days) "
            f"to {', '.join(row['platforms'][:3])}, {row['total']:,.2f} in all; references such as "
            f"{', '.join(repr(r) for r in row['references'][:3])}"
        )
    if flag == RAPID:
        events = row["events"]
        shown = "; ".join(
            f"on {e['date']}: {_money(e['amount'], e['currency'])} in, {e['out_amount']:,.2f} out"
            for e in events[:3]
        )
        return (
            f"money passes through: {len(events)} times a similar amount ({round(100 * s.rapid_min_ratio)}–"
            f"{round(100 * s.rapid_max_ratio)}%) of an incoming transfer left within {s.rapid_hours} hours "
            f"({shown}); "
            f"{row['passed_through']:,.2f} passed through between {row['first']} and {row['last']}, "
            f"{round(100 * row['share'])}% of the {row['received']:,.2f} it received meanwhile (at least "
            f"{round(100 * s.rapid_min_share)}%)"
        )
    if flag == STRUCTURING:
        ts = row["transfers"]
        shown = "; ".join(f"{_money(t['amount'], t['currency'])} on {t['date']}" for t in ts[:5])
        low = s.structuring_threshold * (1 - s.structuring_margin)
        return (
            f"{len(ts)} transfers just under the {s.structuring_threshold:,.0f} reporting threshold "
            f"({low:,.0f} to {s.structuring_threshold:,.0f}), at least {s.structuring_min_count} within "
            f"{s.structuring_window_days} days: {shown}"
        )
    raise ValueError(f"unknown money red flag '{flag}': one of {', '.join(FLAG_NAMES)}")


def detect(
    db: Runner,
    settings: MoneySettings | None = None,
    flags: tuple[str, ...] = FLAG_NAMES,
    limit: int = 100_000,
) -> list[Flag]:
    """Every hit of the chosen flags, ordered by flag then account."""
    s = settings or MoneySettings()
    out: list[Flag] = []
    for flag in flags:
        if flag not in QUERIES:
            raise ValueError(f"unknown money red flag '{flag}': one of {', '.join(FLAG_NAMES)}")
        for row in db.read(QUERIES[flag], **params_for(flag, s, limit)):
            out.append(
                Flag(
                    flag, row["account_id"], row["account"], explain(flag, row, s), tuple(row["transfer_ids"])
                )
            )
    return out


def write_flags(db: Runner, found: list[Flag], run_id: str | None = None) -> int:
    """Replace every account's stored flags with `found`; returns the accounts flagged."""
    by_account: dict[str, list[Flag]] = {}
    for f in found:
        by_account.setdefault(f.account_id, []).append(f)
    rows = [
        {
            "id": aid,
            "flags": sorted({f.flag for f in fs}),
            "reasons": [f.reason for f in fs],
            "transfers": sorted({t for f in fs for t in f.transfer_ids}),
        }
        for aid, fs in sorted(by_account.items())
    ]
    run = run_id or "money-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    db.write("money/clear_flags")
    for i in range(0, len(rows), 500):
        db.write("money/write_flags", rows=rows[i : i + 500], run_id=run)
    return len(rows)


def refresh(db: Runner, settings: MoneySettings | None = None) -> list[Flag]:
    """Detect every flag and store them on the accounts (what `lantern money flags` and analyze run)."""
    found = detect(db, settings)
    write_flags(db, found)
    return found
