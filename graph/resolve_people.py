"""Conservative resolution of people (and same-name businesses) across documents.

Policy (docs/readme/05-ingest.md, tested in tests/unit/test_resolve_people.py):

1. Within one document, every mention with the same normalised full name is one person; a mention
   with `ref` (surname only, title + surname, alias) is the person it refers to.
2. Across documents, a person joins an existing node with the same normalised name ONLY with
   supporting evidence: in this document the person is directly linked (a typed relation) to an
   identifier, organisation or place that the existing node is also linked to. Several such nodes:
   the one with the most shared neighbours (ties: oldest key).
3. Otherwise the person becomes a new node `person:<name>#k` (k = first free number, the first node
   has no suffix) and a `POSSIBLY_SAME_AS {score, reason, source: "ingest"}` candidate links it to
   the first `MAX_CANDIDATES` existing nodes with that name (key order) — a person reviews it
   (`lantern resolve review|merge`). Capped: a name quoted in every document (a prosecutor, a police
   chief) would otherwise make n²/2 candidates — 25,000 on 537 press releases — instead of ~3n; the
   family stays connected through its first nodes.
4. Businesses with the same name fingerprint but a different (or no) place get the same kind of
   candidate (uncapped: families are small, and a cap would make the pairs depend on batching);
   their keys themselves are deterministic (`graph.resolve_keys`).

Decisions only depend on the graph before the document and the document itself, so a re-run after a
crash, or a different batch size, gives the same keys.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

SCORE_NO_EVIDENCE = 0.6
SCORE_CONFLICTING = 0.4
SCORE_BUSINESS_PLACE = 0.7
MAX_CANDIDATES = 3
"""Candidates per new node: links to the family's first nodes only (a star, not an n² clique)."""
_SUFFIX = re.compile(r"#(\d+)$")


@dataclass(frozen=True)
class Candidate:
    """A POSSIBLY_SAME_AS proposal between two entity keys."""

    source: str
    target: str
    score: float
    reason: str


@lru_cache(maxsize=1 << 16)
def key_order(key: str) -> tuple[str, int]:
    """Sort key of a family member: base, then number (`#10` after `#9`). Cached: a common name's family
    (hundreds of nodes) is ranked again for every new member."""
    m = _SUFFIX.search(key)
    return (key[: m.start()], int(m.group(1))) if m else (key, 1)


def family_members(base: str, ids: Iterable[str], sep: str) -> list[str]:
    """Keys of the same family: the base itself and base + sep + anything."""
    return sorted((i for i in ids if i == base or i.startswith(base + sep)), key=key_order)


@dataclass
class PersonResolver:
    """Holds, per name base, the known nodes and their linked non-person neighbours."""

    known: dict[str, dict[str, set[str]]] = field(default_factory=dict)

    def add_existing(self, base: str, key: str, neighbours: Iterable[str]) -> None:
        self.known.setdefault(base, {}).setdefault(key, set()).update(neighbours)

    def resolve(self, base: str, neighbours: set[str]) -> tuple[str, list[Candidate]]:
        """The key for a person cluster with this name base and these linked neighbours."""
        nodes = self.known.setdefault(base, {})
        if not nodes:
            nodes[base] = set(neighbours)
            return base, []
        if neighbours:  # most shared neighbours wins; ties: oldest key (a common name has hundreds of nodes)
            overlap = {k: n for k, v in nodes.items() if (n := len(v & neighbours))}
            if overlap:
                best = min(overlap, key=lambda k: (-overlap[k], key_order(k)))
                nodes[best].update(neighbours)
                return best, []
        ranked = heapq.nsmallest(MAX_CANDIDATES, nodes, key=key_order)
        key = self._free_key(base, nodes)
        name = base.split(":", 1)[1]
        candidates = []
        for other in ranked:
            if neighbours and nodes[other]:
                score, why = SCORE_CONFLICTING, "linked identifiers/organisations/places differ"
            else:
                score, why = SCORE_NO_EVIDENCE, "no shared identifier, organisation or place"
            candidates.append(Candidate(key, other, score, f"same normalised name '{name}'; {why}"))
        nodes[key] = set(neighbours)
        return key, candidates

    @staticmethod
    def _free_key(base: str, nodes: dict[str, set[str]]) -> str:
        if base not in nodes:
            return base
        k = 2
        while f"{base}#{k}" in nodes:
            k += 1
        return f"{base}#{k}"


def business_candidates(new_keys: Iterable[str], existing: Iterable[str]) -> list[Candidate]:
    """New business keys vs known keys with the same fingerprint and another place (or none)."""
    known = set(existing)
    out: list[Candidate] = []
    for key in sorted(set(new_keys)):
        base = key.split("@", 1)[0]
        for other in family_members(base, known, "@"):
            if other != key:
                fp = base.split(":", 1)[1]
                out.append(
                    Candidate(
                        key,
                        other,
                        SCORE_BUSINESS_PLACE,
                        f"same business name '{fp}'; different or unknown place",
                    )
                )
        known.add(key)
    return out
