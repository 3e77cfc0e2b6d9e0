"""Places: canonical name (the gold `value`), country, and the spellings documents use."""

from __future__ import annotations

CITIES: dict[str, tuple[str, list[str]]] = {
    # canonical: (country, surfaces as written in documents)
    "Kyiv": ("Ukraine", ["Kyiv", "Київ", "Kiev"]),
    "Kharkiv": ("Ukraine", ["Kharkiv", "Харків"]),
    "Lviv": ("Ukraine", ["Lviv", "Львів"]),
    "Odesa": ("Ukraine", ["Odesa", "Odessa", "Одеса"]),
    "Mykolaiv": ("Ukraine", ["Mykolaiv"]),
    "Przemyśl": ("Poland", ["Przemyśl", "Przemysl"]),
    "Kraków": ("Poland", ["Kraków", "Krakow"]),
    "Warsaw": ("Poland", ["Warsaw", "Warszawa"]),
    "Wrocław": ("Poland", ["Wrocław", "Wroclaw"]),
    "Berlin": ("Germany", ["Berlin"]),
    "Munich": ("Germany", ["Munich", "München"]),
    "Leipzig": ("Germany", ["Leipzig"]),
    "Chisinau": ("Moldova", ["Chișinău", "Chisinau"]),
    "Bălți": ("Moldova", ["Bălți", "Balti"]),
    "Iași": ("Romania", ["Iași", "Iasi"]),
    "Bucharest": ("Romania", ["Bucharest", "București"]),
    "Constanța": ("Romania", ["Constanța", "Constanta"]),
    "Vienna": ("Austria", ["Vienna", "Wien"]),
    "Paris": ("France", ["Paris"]),
    "Prague": ("Czechia", ["Prague", "Praha"]),
    "London": ("United Kingdom", ["London"]),
    "Wisbech": ("United Kingdom", ["Wisbech"]),
    "Manchester": ("United Kingdom", ["Manchester"]),
    "Dublin": ("Ireland", ["Dublin"]),
    "Istanbul": ("Turkey", ["Istanbul", "İstanbul"]),
    "Lagos": ("Nigeria", ["Lagos"]),
    "Dubai": ("United Arab Emirates", ["Dubai"]),
    "Rotterdam": ("Netherlands", ["Rotterdam"]),
}

# Route templates used by the generator: (origin, transit, destination) per trafficking type.
ROUTES: dict[str, list[tuple[str, str, str]]] = {
    "SexTrafficking": [("Kharkiv", "Przemyśl", "Berlin"), ("Odesa", "Chisinau", "Munich"),
                       ("Bălți", "Bucharest", "Vienna"), ("Kyiv", "Warsaw", "Leipzig")],
    "ForcedLabour": [("Chisinau", "Bucharest", "Wisbech"), ("Lviv", "Kraków", "Prague"),
                     ("Iași", "Vienna", "Rotterdam"), ("Mykolaiv", "Wrocław", "Berlin")],
    "DomesticServitude": [("Lagos", "Dubai", "London"), ("Kyiv", "Warsaw", "London"),
                          ("Chisinau", "Vienna", "Paris")],
    "CriminalExploitation": [("Constanța", "Vienna", "Paris"), ("Bălți", "Prague", "Manchester"),
                             ("Iași", "Munich", "Paris")],
    "ForcedMarriage": [("Odesa", "Warsaw", "Dublin"), ("Chisinau", "Bucharest", "Dublin")],
    "OrganRemoval": [("Chisinau", "Odesa", "Istanbul"), ("Kharkiv", "Kyiv", "Istanbul")],
}  # fmt: skip


def country_of(city: str) -> str:
    return CITIES[city][0]


def surfaces(city: str) -> list[str]:
    return CITIES[city][1]
