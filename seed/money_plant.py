"""Planted money patterns of one trafficking network, with the accounts each red flag should name.

Every network has a collecting account (for the seed's seven networks: the exploiter's bank account the
corpus names) that its victims pay from their own accounts. Around it, drawn per network: rent paid for the
victims to a landlord, classifieds / adult-services adverts, a pass-through (mule) account moving the money
on, and transfers kept just under 10,000. Cadences, amounts and sizes vary per network and victim, so some
planted patterns are faint (a victim who joined late, a weekly payer who slips to every eight days).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta

from seed.money_model import DAYS, Ledger, account, monthly_days

AD_PLATFORMS = (3_000_001, 3_000_002, 3_000_003)
AD_REFERENCES = (
    "Escort listing bump",
    "Adult classifieds repost",
    "Personals ad - top placement",
    "massage ad renewal",
    "classified ad boost 7d",
    "VIP profile upgrade",
    "Featured listing",
)
"""The last two carry none of the detector's keywords: a rule reading references misses them."""
FIRST_NAMES = (
    "Ana",
    "Mira",
    "Lena",
    "Oksana",
    "Daria",
    "Ilinca",
    "Marta",
    "Ewa",
    "Nadia",
    "Sofia",
    "Ion",
    "Pavel",
    "Radu",
    "Taras",
    "Kofi",
    "Amaka",
    "Yusuf",
    "Petra",
    "Zofia",
    "Elena",
)


@dataclass
class Planted:
    network: str
    collector: str
    victims: list[str]
    flags: dict[str, list[str]] = field(default_factory=dict)
    """red flag → subject accounts planted for it."""

    def add(self, flag: str, subject: str) -> None:
        self.flags.setdefault(flag, []).append(subject)


def _victims_pay(led: Ledger, rng: random.Random, net: Planted, names: list[str], cur: str) -> None:
    for i, acct in enumerate(net.victims):
        cadence = rng.choice((1, 2, 3, 4, 5, 7))
        start = rng.choice((0, 0, 0, 7, 21, 45))
        amount = rng.uniform(120, 520) * (cadence / 3.5 if cadence > 3 else 1)
        for day in led.every(start + rng.uniform(0, cadence), cadence, jitter=min(1.0, cadence / 3)):
            ref = rng.choice(("", "", "payment", f"for {names[i]}", "weekly", "debt"))
            led.pay(led.moment(day, 18, 23), amount * rng.uniform(0.8, 1.2), cur, acct, net.collector, ref)
        for day in led.every(rng.uniform(0, 6), 7, jitter=2):  # the little a victim spends on herself
            led.pay(led.moment(day), rng.uniform(8, 35), cur, acct, account(4_900_001 + i % 3), "groceries")
        for day in led.every(
            rng.uniform(0, 10), rng.choice((6, 7, 10)), jitter=2
        ):  # cash from clients or wages
            src = account(4_990_000 + rng.randint(0, 5))
            led.pay(led.moment(day, 9, 17), amount * rng.uniform(1.3, 2.5), cur, src, acct, "cash deposit")
    net.add("fan-in", net.collector)


def _rent(led: Ledger, rng: random.Random, net: Planted, names: list[str], cur: str, base: int) -> None:
    payer = net.collector if rng.random() < 0.6 else account(base + 25)
    landlord = account(base + 20)
    day_of_month = rng.randint(1, 27)
    for day in monthly_days(rng, day_of_month, spread=2):
        for i in range(len(net.victims)):
            ref = rng.choice(
                (f"Rent room {i + 1}", f"rent - {names[i]}", f"Room {i + 1} {names[i]}", "accommodation")
            )
            led.pay(
                led.moment(day + rng.uniform(0, 2)),
                rng.choice((350, 400, 450, 500)),
                cur,
                payer,
                landlord,
                ref,
            )
    net.add("rent for several", payer)


def _adverts(led: Ledger, rng: random.Random, net: Planted, cur: str, base: int) -> None:
    payer = net.collector if rng.random() < 0.5 else account(base + 26)
    start = rng.uniform(0, 60)
    for day in led.every(start, rng.choice((2, 3, 4, 6)), jitter=1):
        platform = account(rng.choice(AD_PLATFORMS))
        led.pay(led.moment(day, 0, 24), rng.uniform(5, 60), cur, payer, platform, rng.choice(AD_REFERENCES))
    net.add("advertising", payer)


def _mule(led: Ledger, rng: random.Random, net: Planted, cur: str, base: int) -> None:
    mule, abroad = account(base + 30), account(base + 31)
    for day in led.every(rng.uniform(0, 30), rng.uniform(5, 12), jitter=2):
        amount = rng.uniform(1500, 6000)
        at = led.moment(day, 9, 17)
        led.pay(at, amount, cur, net.collector, mule, rng.choice(("", "loan", "transfer", "family")))
        out_at = at + timedelta(hours=rng.uniform(1, 40))
        keep = amount * rng.uniform(0.92, 0.99)
        parts = (keep,) if rng.random() < 0.6 else (keep * 0.5, keep * 0.5)
        for j, part in enumerate(parts):
            led.pay(
                out_at + timedelta(minutes=7 * j),
                part,
                cur,
                mule,
                abroad,
                rng.choice(("", "invoice", "goods")),
            )
    net.add("rapid in-out", mule)


def _structuring(led: Ledger, rng: random.Random, net: Planted, cur: str, base: int) -> None:
    sender, lump_from = account(base + 27), net.collector
    first = rng.uniform(0, DAYS - 40)
    led.pay(led.moment(first), rng.uniform(30000, 60000), cur, lump_from, sender, "loan")
    day = first + rng.uniform(1, 5)
    for _ in range(rng.randint(3, 6)):
        dst = account(base + rng.choice((31, 32, 33)))
        led.pay(
            led.moment(day),
            rng.uniform(9000, 9990),
            cur,
            sender,
            dst,
            rng.choice(("", "property", "car", "deposit")),
        )
        day += rng.uniform(2, 9)
    net.add("structuring", sender)


def plant(
    led: Ledger,
    rng: random.Random,
    network: str,
    collector: str,
    victim_names: list[str],
    base: int,
    cur: str,
    sex_trade: bool,
) -> Planted:
    """Write one network's transfers into `led`; `base` numbers its other accounts (base + 1 ... + 33)."""
    k = len(victim_names)
    net = Planted(network, collector, [account(base + 1 + i) for i in range(k)])
    _victims_pay(led, rng, net, victim_names, cur)
    if rng.random() < 0.8:
        _rent(led, rng, net, victim_names, cur, base)
    if rng.random() < (0.9 if sex_trade else 0.35):
        _adverts(led, rng, net, cur, base)
    if rng.random() < 0.6:
        _mule(led, rng, net, cur, base)
    if rng.random() < 0.5:
        _structuring(led, rng, net, cur, base)
    return net
