"""Fuzzy resolution candidates: similar (not identical) names become POSSIBLY_SAME_AS suggestions.

Ingest only proposes candidates for identical normalised names; `lantern resolve suggest` adds pairs
whose names are close ("Viktor Petrov" / "Victor Petrov", "Sunrise Cleaning" / "Sunrise Cleanings")
using rapidfuzz's token-sort ratio, blocked by the first letters of each name token so the comparison
stays far below n². Never a merge: a person decides with `lantern resolve merge`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from graph.db import Database, FakeRunner
from ontology.names import C

SUGGEST_SCORE_FACTOR = 0.8
"""Candidate score = similarity x factor, so fuzzy suggestions rank below same-name candidates."""


@dataclass(frozen=True)
class Suggestion:
    source: str
    target: str
    score: float
    reason: str


def _base(key: str) -> str:
    return key.split("#", 1)[0].split("@", 1)[0]


def suggestions(rows: list[dict[str, str]], threshold: float = 90.0) -> list[Suggestion]:
    """Pairs of entities with similar values (token-sort ratio >= threshold) but different keys."""
    blocks: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        value = (row.get("value") or row.get("name") or "").casefold()
        for token in set(value.split()):
            if len(token) >= 3:
                blocks[token[:3]].append(row)
    seen: set[tuple[str, str]] = set()
    out: list[Suggestion] = []
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = (min(a["id"], b["id"]), max(a["id"], b["id"]))
                if pair in seen or _base(a["id"]) == _base(b["id"]):
                    continue
                seen.add(pair)
                va, vb = (a.get("value") or a["name"]).casefold(), (b.get("value") or b["name"]).casefold()
                ratio = fuzz.token_sort_ratio(va, vb)
                if ratio >= threshold:
                    reason = f"similar names '{a['name']}' / '{b['name']}' (token-sort ratio {ratio:.0f})"
                    out.append(
                        Suggestion(pair[0], pair[1], round(ratio / 100 * SUGGEST_SCORE_FACTOR, 3), reason)
                    )
    return sorted(out, key=lambda s: (-s.score, s.source, s.target))


def suggest(db: Database | FakeRunner, label: str = C.Person, threshold: float = 90.0) -> list[Suggestion]:
    """Compute and record fuzzy candidates (`source: "suggest"`) for one entity class."""
    from graph.ingest.ontology_view import default_view

    if not default_view().is_entity_class(label):
        raise ValueError(f"'{label}' is not an ontology entity class (e.g. Person, Business)")
    found = suggestions(db.read("resolve/entity_names", label=label), threshold)
    if found:
        rows = [
            {
                "source": s.source,
                "target": s.target,
                "score": s.score,
                "reason": s.reason,
                "origin": "suggest",
            }
            for s in found
        ]
        db.write("ingest/possibly_same_as", rows=rows)
    return found
