"""Name, business and identifier pools for the scale generator: unique, fictional, deterministic."""

from __future__ import annotations

from ontology.names import C
from seed.identifiers import iban, slug, uk_mobile

FIRST = {
    "UA": [
        "Oksana",
        "Iryna",
        "Olena",
        "Nataliia",
        "Halyna",
        "Yuliia",
        "Mariia",
        "Tetiana",
        "Dmytro",
        "Oleksandr",
        "Serhii",
        "Mykola",
        "Volodymyr",
        "Bohdan",
        "Vasyl",
        "Roman",
    ],
    "MD": [
        "Ion",
        "Vasile",
        "Gheorghe",
        "Natalia",
        "Elena",
        "Tatiana",
        "Mihai",
        "Victor",
        "Ana",
        "Cristina",
        "Andrei",
        "Veronica",
    ],
    "RO": [
        "Florin",
        "Marian",
        "Costel",
        "Ionut",
        "Adrian",
        "Daniela",
        "Loredana",
        "Roxana",
        "Catalin",
        "Alina",
        "Sorin",
        "Bianca",
    ],
    "WE": [
        "Mark",
        "Gary",
        "Dieter",
        "Rainer",
        "Jens",
        "Declan",
        "Patrick",
        "Sophie",
        "Heike",
        "Claire",
        "Tomasz",
        "Pavel",
        "Jaroslav",
        "Martina",
    ],
}
LAST = {
    "UA": [
        "Bondarenko",
        "Tkachenko",
        "Kravchuk",
        "Oliinyk",
        "Shevchuk",
        "Polishchuk",
        "Lysenko",
        "Marchenko",
        "Rudenko",
        "Savchenko",
        "Moroz",
        "Havryliuk",
        "Kovalchuk",
        "Hnatiuk",
        "Bilous",
        "Yatsenko",
    ],
    "MD": [
        "Ceban",
        "Rusu",
        "Munteanu",
        "Cojocaru",
        "Lungu",
        "Rotari",
        "Bivol",
        "Guțu",
        "Turcan",
        "Sirbu",
        "Popa",
        "Ursu",
    ],
    "RO": [
        "Dinu",
        "Stoica",
        "Vrabie",
        "Preda",
        "Marin",
        "Tudose",
        "Enache",
        "Dobre",
        "Barbu",
        "Nistor",
        "Ghita",
        "Lazar",
    ],
    "WE": [
        "Pettigrew",
        "Holt",
        "Vogt",
        "Krämer",
        "Furlong",
        "Whitcombe",
        "Brandt",
        "Zieliński",
        "Beneš",
        "Novák",
        "Fischer",
        "Doyle",
        "Hartmann",
        "Keller",
    ],
}
ADJ = [
    "Amber",
    "Silver",
    "Northern",
    "Bright",
    "Golden",
    "Blue",
    "Green",
    "Royal",
    "Crystal",
    "Evergreen",
    "Harbour",
    "Summit",
    "Meadow",
    "Oak",
    "Pioneer",
    "Star",
]
NOUN = ["Ridge", "Field", "Bridge", "Point", "Gate", "Valley", "Crown", "Lake", "Hill", "Path", "Way", "Line"]
KIND = {
    C.FrontBusiness: ["Wellness", "Services", "Trading", "Logistics"],
    C.EmploymentAgency: ["Staffing", "Recruitment", "Personnel", "Workforce"],
}
SUFFIX = ["Ltd", "GmbH", "SRL", "Sp. z o.o.", "s.r.o."]
STREETS = [
    "Station Road",
    "Mill Lane",
    "Hauptstraße",
    "Strada Unirii",
    "ul. Długa",
    "Church Street",
    "Bahnhofstraße",
    "Canal Street",
]

REGION_OF_TYPE = {"SexTrafficking": "UA", "ForcedLabour": "MD", "DomesticServitude": "UA",
                  "CriminalExploitation": "RO", "ForcedMarriage": "UA", "OrganRemoval": "MD"}  # fmt: skip

_US_AREAS = [
    f"{a}{b}{c}" for a in "23456789" for b in "012345678" for c in "0123456789" if not (b == "1" and c == "1")
]
_UK_LAND = [
    "2079460",
    "1614960",
    "1134960",
    "1214960",
    "1314960",
    "1414960",
    "1174960",
    "1154960",
    "1184960",
    "1514960",
]
PHONE_POOL_SIZE = 888 + len(_UK_LAND) * 999 + len(_US_AREAS) * 100


def phone(n: int) -> str:
    """The n-th fictional phone (wraps around after PHONE_POOL_SIZE). 888..999 of the UK mobile drama range
    and 0999 of the London drama range are left to the curated seed (broker, helpline)."""
    n %= PHONE_POOL_SIZE
    if n < 888:
        return uk_mobile(n)
    n -= 888
    if n < len(_UK_LAND) * 999:
        return f"+44{_UK_LAND[n // 999]}{n % 999:03d}"
    n -= len(_UK_LAND) * 999
    return f"+1{_US_AREAS[n // 100]}55501{n % 100:02d}"


def person(region: str, n: int) -> str:
    f, ln = FIRST[region], LAST[region]
    first, last = f[n % len(f)], ln[(n // len(f) * (len(f) + 1) + n % len(f)) % len(ln)]
    gen = n // (len(f) * len(ln))
    if gen == 0:
        return f"{first} {last}"
    letters = "ABCDEFGHIJKLMNOPRSTVW"
    middle = letters[gen % len(letters)]
    extra = gen // len(letters)
    return f"{first} {middle}. {last}" + (f"-{ln[extra % len(ln)]}" if extra else "")


def business(kind: str, n: int) -> str:
    k = KIND.get(kind, KIND[C.FrontBusiness])
    combos = len(ADJ) * len(NOUN) * len(k)
    base = (
        f"{ADJ[n % len(ADJ)]} {NOUN[(n // len(ADJ)) % len(NOUN)]} {k[(n // (len(ADJ) * len(NOUN))) % len(k)]}"
    )
    gen = n // combos
    return f"{base}{' ' + str(gen + 1) if gen else ''} {SUFFIX[n % len(SUFFIX)]}"


def address(n: int, city: str) -> str:
    return f"{n % 180 + 1} {STREETS[(n // 180) % len(STREETS)]}, Unit {n // (180 * len(STREETS)) + 1}, {city}"


def email(name: str, n: int) -> str:
    return f"{slug(name)}.{n}@example.{('com', 'org', 'net')[n % 3]}"


def handle(name: str, n: int) -> str:
    return "@" + slug(name).replace(".", "_") + f"_{n}"


def account(n: int) -> str:
    return iban(100_000 + n)
