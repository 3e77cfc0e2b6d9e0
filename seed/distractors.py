# ruff: noqa: E501  (data tables read better on one line)
"""Distractor documents: legitimate businesses and job ads, institutions quoted everywhere, people
with common names, generic awareness texts that reuse the same phrases as criminal ads."""

from __future__ import annotations

import random
from collections.abc import Callable

from ontology.names import C
from seed.hubs import authority, helpline_sentence, ngo
from seed.identifiers import phone_surface
from seed.markup import mark
from seed.places import CITIES, surfaces
from seed.themes import GENERIC_AD_LINES

# name, city, phone (fictional ranges), email, owner — also rows of suppliers.csv
LEGIT_BUSINESSES: list[tuple[str, str, str, str, str]] = [
    ("Fenland Fresh Produce Ltd", "Wisbech", "+441214960417", "procurement@fenlandfresh.example.com", "Helen Mortimer"),
    ("Vistula Modular Homes S.A.", "Kraków", "+441314960233", "zakupy@vistulahomes.example.com", "Marek Wiśniewski"),
    ("Harbourside Hotels Group", "Dublin", "+12125550142", "careers@harbourside.example.com", "Siobhan Keane"),
    ("Nordlicht Logistik GmbH", "Munich", "+13125550118", "jobs@nordlicht.example.org", "Katrin Bauer"),
    ("Green Valley Orchards", "Rotterdam", "+14155550177", "hr@greenvalley.example.net", "Pieter de Vries"),
    ("Carpathia Foods SRL", "Iași", "+17185550163", "office@carpathiafoods.example.com", "Elena Popa"),
    ("Thames Care Homes", "London", "+12025550109", "recruit@thamescare.example.org", "David Jones"),
    ("Baltic Timber Works", "Warsaw", "+16175550131", "kadry@baltictimber.example.com", "Anna Kowalska"),
    ("Prague Glassworks a.s.", "Prague", "+17025550154", "hr@pragueglass.example.com", "Jana Nováková"),
    ("Sunrise Cleaning Services", "Manchester", "+13055550186", "info@sunriseclean.example.net", "John Smith"),
]  # fmt: skip

COMMON_NAMES = ["John Smith", "Anna Kowalska", "Maria Popescu", "David Jones", "Olena Shevchenko",
                "Thomas Müller", "Ivan Petrenko", "Sarah Murphy"]  # fmt: skip

OUTLETS = ["The Northern Ledger", "Danube Post", "Baltic Wire", "Kraków Courier", "Channel Observer"]

Distractor = Callable[[random.Random], tuple[str, str, str]]


def _city(rng: random.Random, name: str | None = None) -> str:
    c = name or rng.choice(sorted(CITIES))
    return mark(C.City, c, rng.choice(surfaces(c)))


def legit_job_ad(rng: random.Random) -> tuple[str, str, str]:
    name, city, phone, email, _ = rng.choice(LEGIT_BUSINESSES)
    role = rng.choice(["Warehouse operatives", "Housekeeping staff", "Seasonal pickers", "Care assistants",
                       "Forklift drivers", "Kitchen porters"])  # fmt: skip
    body = (
        f"{role} — {mark(C.Business, name)}, {_city(rng, city)}\n\n"
        f"Permanent and seasonal contracts, paid at or above the legal minimum, paid holidays. "
        f"{rng.choice(GENERIC_AD_LINES)} Written contract in your language before you travel; we never "
        f"charge fees and never hold your documents.\nApply: {mark(C.Email, email)} or "
        f"{mark(C.Phone, phone, phone_surface(phone, rng.randrange(4)))}."
    )
    return f"{role} wanted — {name}", C.Advertisement, body


def hub_news(rng: random.Random) -> tuple[str, str, str]:
    city = rng.choice(sorted(CITIES))
    body = (
        f"{authority(rng, city)} and {mark(C.Authority, 'Europol')} said this week that criminal groups "
        f"continue to target people displaced by the war in {mark(C.Country, 'Ukraine')}, offering "
        f"transport, accommodation and work that turn out to be traps. Officers in {_city(rng, city)} "
        f"reported {rng.randint(3, 40)} new referrals this quarter.\n\n"
        f'"Be careful with offers that sound too good: high salary, free accommodation, no experience '
        f'needed," a spokesperson said. {helpline_sentence(rng)}'
    )
    return f"Police warn of fake offers to refugees in {city}", C.NewsArticle, body


def ngo_release(rng: random.Random) -> tuple[str, str, str]:
    body = (
        f"{ngo(rng)} opened a new drop-in centre in {_city(rng)} today, offering legal advice, "
        f"language classes and help checking job offers. Since 2022 the charity has supported "
        f"{rng.randint(200, 4000)} people. Red flags include employers who keep your passport, charge "
        f"recruitment fees or ask you to travel before signing a contract.\n\n{helpline_sentence(rng)}"
    )
    return "New drop-in centre opens", C.PressRelease, body


def common_name_local(rng: random.Random) -> tuple[str, str, str]:
    a, b = rng.sample(COMMON_NAMES, 2)
    what = rng.choice(["won the regional chess championship", "opened a bakery on the market square",
                       "was re-elected chair of the allotment society", "ran the city marathon for charity"])  # fmt: skip
    body = (
        f"{mark(C.Person, a)} {what} in {_city(rng)} on Saturday. Among those congratulating "
        f"{a.split()[0]} was {mark(C.Person, b)}, who said the event had brought the neighbourhood "
        f"together. Organisers thanked volunteers and the local council."
    )
    return f"Local news: {a}", C.NewsArticle, body


def court_unrelated(rng: random.Random) -> tuple[str, str, str]:
    a = rng.choice(COMMON_NAMES)
    offence = rng.choice(["VAT fraud involving second-hand cars", "burglary of a garden centre",
                          "selling counterfeit football shirts", "insurance fraud after a staged crash"])  # fmt: skip
    body = (
        f"{mark(C.Person, a)}, of {_city(rng)}, was sentenced to {rng.randint(6, 40)} months for "
        f"{offence}. The court heard there was no evidence of any link to organised crime. "
        f"Prosecutors from {authority(rng, 'London')} said the sentence sent a clear message."
    )
    return f"Sentencing: {a}", C.CourtRecord, body


DISTRACTORS: dict[str, Distractor] = {
    "legit_job_ad": legit_job_ad,
    "hub_news": hub_news,
    "ngo_release": ngo_release,
    "common_name_local": common_name_local,
    "court_unrelated": court_unrelated,
}
