"""Red-flag thresholds, named and documented (`LANTERN_MONEY_*` in the environment or `.env`).

Where a figure comes from regulation or published guidance it says so; the others are stated plainly as
judgement, so an analyst can move them (docs/design/money-flows.md has the sources and today's figures).
"""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class MoneySettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_prefix="LANTERN_MONEY_", extra="ignore"
    )

    # --- many victims' accounts paying one account (collection / funnel account) ---
    fan_in_min_senders: int = 3
    """At least this many different accounts must pay the collecting account in the pattern below."""
    fan_in_min_payments: int = 4
    """Each of them paid it at least this many times ..."""
    fan_in_min_per_month: float = 4.0
    """... at least weekly on average (payments per 30 days over the span they cover, at least 28 days) ..."""
    fan_in_min_share: float = 0.5
    """... and those payments are at least half of all the money that sender paid out: the sender hands
    over most of what it has (FinCEN FIN-2014-A008: funds from several people funnelled into one account)."""

    # --- rent for several people paid to one landlord ---
    rent_keywords: tuple[str, ...] = ("rent", "room", "lodging", "accommodation", "miete", "chirie", "czynsz")
    """A transfer whose reference contains one of these words (case-insensitive) is a rent payment."""
    rent_min_payments: int = 3
    """Rent payments from one payer to one landlord within `rent_window_days`: 3 = rent for several people
    paid together (a lodger paying weekly makes one payment a week, never three within days)."""
    rent_window_days: int = 7
    rent_min_months: int = 2
    """... in at least this many calendar months (a late or double payment once is not a pattern)."""

    # --- advertising payments to classifieds / adult-services platforms ---
    ad_keywords: tuple[str, ...] = ("escort", "adult", "massage", "personals", "classified", "bump", "repost")
    """A transfer whose reference contains one of these words pays for an advert on a classifieds or adult-
    services site (FinCEN FIN-2020-A008: frequent small payments to online escort and classified sites)."""
    ad_min_payments: int = 4
    ad_window_days: int = 30
    """At least `ad_min_payments` such payments within `ad_window_days` days."""
    ad_platform_min_payers: int = 3
    """An account that at least this many different accounts pay with advertising references is an
    advertising platform, and every payment to it counts as one (a bank knows the merchant, not only the
    payer's wording: FinCEN FIN-2020-A008 names payments *to* escort and classified sites). 3 keeps a
    private seller's one "classified" reference from making anyone a platform. 0 turns it off."""

    # --- rapid in-out (pass-through) ---
    rapid_hours: int = 48
    """Money out within this many hours of money in (dates without a time count as midnight)."""
    rapid_min_amount: float = 1000.0
    """Only incoming transfers of at least this much count (below it everyday spending dominates)."""
    rapid_min_ratio: float = 0.9
    rapid_max_ratio: float = 1.1
    """What leaves within the window is between these shares of what came in: a similar amount passes
    through (FATF: funds withdrawn in similar amounts shortly after deposit), not a payroll run paid from a
    balance."""
    rapid_min_events: int = 3
    rapid_min_per_month: float = 2.0
    """At least `rapid_min_events` pass-throughs, at least twice a month on average (a monthly salary sweep
    to savings is not a pattern)."""
    rapid_min_share: float = 0.75
    """... and the money that passed through is at least this share of all the account received from the
    first pass-through to the last (+ `rapid_hours`): the account is used to move money on, it keeps little
    of what comes in (FinCEN FIN-2014-A005, funnel accounts: funds withdrawn with little time elapsing; the
    FATF/Egmont 2018 report's pass-through accounts). Three quarters is judgement: it keeps an account whose
    regular payments add up to one of its deposits now and then (a standing flow, not a pass-through)
    below the line."""

    # --- structuring below a reporting threshold ---
    structuring_threshold: float = 10000.0
    """The reporting threshold: 10,000 currency units (US CTR 31 CFR 1010.311; EU cash declarations, Reg.
    (EU) 2018/1672; the EU AMLD occasional-transaction limit of 10,000 EUR for traders in goods)."""
    structuring_margin: float = 0.1
    """"Just under": at least threshold × (1 − margin), i.e. 9,000 to 9,999.99 with the defaults."""
    structuring_min_count: int = 3
    structuring_window_days: int = 30
    """At least `structuring_min_count` such transfers from one account within `structuring_window_days`,
    and none at or above the threshold in that time: the account keeps under the line (a customer paying
    invoices of every size now and then crosses it)."""

    # --- what risk and the supplier audit take from a flag ---
    risk_points_per_flag: int = 4
    risk_points_max: int = 8
    import_batch_size: int = 500
