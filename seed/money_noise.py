"""Everyday money of people and businesses with no part in trafficking — including the near misses that
look like a red flag to a careless rule, and a few innocent cases a fair rule still flags (an analyst
clears them): the test of the detector can fail.

Near misses: shops and landlords paid by many; lodgers paying weekly rent; monthly salary swept to savings;
a late rent paid twice in one month; rent plus a garage; one classified ad; one car bought for 9,500.
Innocent but flagged by design of the rules: parents paying three student rooms to one housing company, a
used-car dealer bumping classified listings weekly, a travel agent passing customer money to an operator
the same day, a builder paying three invoices of 9,xxx within a month.
"""

from __future__ import annotations

import random
from datetime import timedelta

from seed.money_model import DAYS, Ledger, account, monthly_days

SUPERMARKETS = (4_900_001, 4_900_002, 4_900_003)
UTILITIES = (4_910_001, 4_910_002, 4_910_003)
EMPLOYERS = tuple(range(4_920_001, 4_920_031))
LANDLORDS = tuple(range(4_930_001, 4_930_061))
LODGING_HOUSES = (4_931_001, 4_931_002)
CLASSIFIEDS = 3_000_002
STUDENT_HOUSING = 4_932_001


def _person(led: Ledger, rng: random.Random, n: int, cur: str) -> None:
    me = account(4_000_000 + n)
    weekly_pay = rng.random() < 0.25
    salary = rng.uniform(1400, 4500)
    employer = account(rng.choice(EMPLOYERS))
    if weekly_pay:
        for day in led.every(rng.uniform(0, 6), 7, jitter=0.5):
            led.pay(led.moment(day, 6, 9), salary / 4.3, cur, employer, me, "wages")
    else:
        for day in monthly_days(rng, 25, spread=1):
            led.pay(led.moment(day, 6, 9), salary, cur, employer, me, "salary")
            if n % 10 == 3:  # sweeps most of the salary to savings the same day
                led.pay(
                    led.moment(day, 10, 20),
                    salary * rng.uniform(0.9, 0.97),
                    cur,
                    me,
                    account(4_500_000 + n),
                    "savings",
                )
    lodger = n % 13 == 5
    if lodger:
        house = account(rng.choice(LODGING_HOUSES))
        for day in led.every(rng.uniform(0, 7), 7, jitter=1):
            led.pay(led.moment(day), rng.uniform(110, 200), cur, me, house, "rent week")
    else:
        landlord = account(rng.choice(LANDLORDS))
        rent = rng.uniform(550, 1600)
        days = monthly_days(rng, 1, spread=2)
        for i, day in enumerate(days):
            led.pay(led.moment(day), rent, cur, me, landlord, "Rent")
            if n % 11 == 7 and i == 1:  # paid next month's rent early: two rents in one month, once
                led.pay(led.moment(day + 20), rent, cur, me, landlord, "Rent")
            if n % 17 == 4:
                led.pay(led.moment(day), rng.uniform(60, 120), cur, me, landlord, "Garage rent")
    for day in led.every(rng.uniform(0, 4), rng.choice((2, 3, 4, 7)), jitter=1):
        led.pay(
            led.moment(day), rng.uniform(12, 140), cur, me, account(rng.choice(SUPERMARKETS)), "card payment"
        )
    for day in monthly_days(rng, rng.randint(5, 20)):
        led.pay(
            led.moment(day), rng.uniform(40, 180), cur, me, account(rng.choice(UTILITIES)), "direct debit"
        )
    if rng.random() < 0.3:  # a remittance home
        for day in monthly_days(rng, rng.randint(1, 27)):
            led.pay(led.moment(day), rng.uniform(100, 400), cur, me, account(4_600_000 + n), "family")
    if rng.random() < 0.15:
        led.pay(
            led.moment(rng.uniform(0, DAYS)),
            rng.uniform(5, 25),
            cur,
            me,
            account(CLASSIFIEDS),
            "classified ad - sofa",
        )
    if rng.random() < 0.04:
        led.pay(
            led.moment(rng.uniform(0, DAYS)), rng.uniform(9000, 9900), cur, me, account(4_700_000 + n), "car"
        )


def _innocent_flags(led: Ledger, rng: random.Random, cur: str) -> None:
    parents = account(4_800_001)  # three children's student rooms, one housing company
    for day in monthly_days(rng, 1):
        for child in ("Ala", "Bartek", "Celina"):
            led.pay(
                led.moment(day),
                rng.uniform(420, 480),
                cur,
                parents,
                account(STUDENT_HOUSING),
                f"Room rent {child}",
            )
    dealer = account(4_800_002)  # a used-car dealer bumping his listings
    for day in led.every(rng.uniform(0, 5), 5, jitter=1):
        led.pay(
            led.moment(day), rng.uniform(8, 30), cur, dealer, account(CLASSIFIEDS), "classified listing bump"
        )
    agent, operator = account(4_800_003), account(4_800_004)  # a travel agent forwarding bookings
    for day in led.every(rng.uniform(0, 5), 6, jitter=2):
        amount = rng.uniform(1200, 4000)
        at = led.moment(day, 9, 17)
        led.pay(at, amount, cur, account(4_000_000 + rng.randint(0, 50)), agent, "holiday booking")
        led.pay(at + timedelta(hours=rng.uniform(2, 30)), amount * 0.93, cur, agent, operator, "booking")
    builder = account(4_800_005)  # three invoices just under 10,000 in one month, once
    day = rng.uniform(10, 60)
    for _ in range(3):
        led.pay(
            led.moment(day), rng.uniform(9100, 9900), cur, builder, account(4_800_006), "invoice materials"
        )
        day += rng.uniform(4, 9)


def _businesses(led: Ledger, rng: random.Random, cur: str) -> None:
    for i, supplier in enumerate(range(4_810_001, 4_810_006)):  # monthly invoices just under 10,000
        for day in monthly_days(rng, 10 + i):
            led.pay(
                led.moment(day),
                rng.uniform(9100, 9950),
                cur,
                account(4_820_001 + i),
                account(supplier),
                "invoice",
            )
    for employer in EMPLOYERS:  # employers are paid by their customers
        for day in led.every(rng.uniform(0, 3), rng.uniform(2, 6), jitter=1):
            led.pay(
                led.moment(day),
                rng.uniform(2000, 20000),
                cur,
                account(4_830_001 + employer % 40),
                account(employer),
                "invoice",
            )


def everyday(led: Ledger, rng: random.Random, people: int, cur: str) -> list[str]:
    """Write the everyday transfers of `people` people and their shops, landlords and employers; returns
    the accounts of the innocent look-alikes (for the evaluation's notes, not the ground truth)."""
    for n in range(people):
        _person(led, rng, n, cur)
    _businesses(led, rng, cur)
    _innocent_flags(led, rng, cur)
    return [account(n) for n in (4_800_001, 4_800_002, 4_800_003, 4_800_005)]
