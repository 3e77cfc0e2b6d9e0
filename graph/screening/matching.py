"""Match a partner's normalised inputs against the hub's index: exact identifiers, fuzzy names.

Identifiers hit when their normalised key is one of the hub's (`phone:+447700900123`): the explanation
says which normalised form matched. Names are compared by rapidfuzz's `token_sort_ratio` (0-100; word
order, case, accents and honorifics do not count; computed as `ratio` on word-sorted names) against
every person name and multi-word alias the hub holds; a score at or above the threshold (default
:data:`NAME_THRESHOLD`) is a hit, explained by its score and what differed. The hub holds no dates of
birth or nationalities for people, so a date of birth or country the partner gives is accepted and the
explanation says it was not compared (an analyst confirms it).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from graph.screening.identifiers import Normalised
from graph.screening.index import HubIndex, sort_words

NAME_THRESHOLD = 88.0
"""Lowest token_sort_ratio that counts as a name hit (88: one typo in a 15-letter name still hits;
two unrelated names of the same length score far below)."""


@dataclass(frozen=True)
class Match:
    index: int
    kind: str
    entity_id: str
    method: str
    """exact | name"""
    score: float
    explanation: str


def _exact(n: Normalised) -> Match:
    value = n.key.split(":", 1)[1]
    return Match(n.index, n.kind, n.key, "exact", 100.0,
                 f"exact match of the normalised {n.kind} {value} with one the hub holds")  # fmt: skip


def _name_explanation(n: Normalised, matched: str, score: float) -> str:
    given, held = n.key.split(), matched.split()
    same = len(set(given) & set(held))
    parts = [
        f"name match, score {score:.0f}/100 (rapidfuzz token_sort_ratio of the normalised names: case, "
        f"accents, honorifics and word order ignored); {same} of {len(given)} words identical"
    ]
    if sorted(given) == sorted(held) and given != held:
        parts.append("the words are in another order")
    if n.dob:
        parts.append("date of birth not compared: the hub holds none for people; an analyst will confirm")
    if n.country:
        parts.append("country not compared: the hub holds no nationality for people; an analyst will confirm")
    return "; ".join(parts)


def match_all(inputs: list[Normalised], index: HubIndex, threshold: float = NAME_THRESHOLD) -> list[Match]:
    """The hits among `inputs` (inputs that do not match are simply absent)."""
    hits = [_exact(n) for n in inputs if n.kind != "name" and n.key in index.identifiers]
    names = [n for n in inputs if n.kind == "name"]
    if names and index.names:
        scores = process.cdist(
            [sort_words(n.key) for n in names],
            index.sorted_names,
            scorer=fuzz.ratio,
            score_cutoff=threshold,
            workers=-1,
        )
        for n, row in zip(names, scores, strict=True):
            best = int(row.argmax())
            score = float(row[best])
            if score >= threshold:
                explanation = _name_explanation(n, index.names[best], score)
                hits.append(
                    Match(n.index, n.kind, index.name_ids[best], "name", round(score, 1), explanation)
                )
    return sorted(hits, key=lambda m: m.index)
