"""The hub's side of screening, held in memory per graph version: identifier keys and person names.

Built from two read queries (`screening/hub_identifiers`, `screening/hub_people`) and rebuilt when the
graph's fingerprint (`screening/graph_version`: entity and relationship counts, latest analysis run)
changes. Matching a partner's batch against it is a set lookup per identifier and one rapidfuzz pass
for names, in the API process: the partner's inputs never reach Neo4j (its query log, its parameters)
— only the ids of hits do, to read their risk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.privacy import CATEGORY_KINDS
from graph.resolve_keys import normalise_person_name
from graph.screening.identifiers import CATEGORY_OF_KIND, IDENTIFIER_KINDS

IDENTIFIER_CLASSES = sorted(set().union(*(CATEGORY_KINDS[CATEGORY_OF_KIND[k]] for k in IDENTIFIER_KINDS)))
"""Ontology classes whose nodes are screenable identifiers (phones, e-mails, payment accounts)."""
PERSON_CLASSES = sorted(CATEGORY_KINDS["person"])


@dataclass
class HubIndex:
    version: tuple[Any, ...]
    identifiers: frozenset[str]
    """Entity keys of the hub's phones, e-mails and payment accounts (`phone:+44…`)."""
    names: list[str] = field(default_factory=list)
    """Normalised person names and multi-word aliases, parallel to :attr:`name_ids`."""
    name_ids: list[str] = field(default_factory=list)
    sorted_names: list[str] = field(default_factory=list)
    """:attr:`names` with their words sorted: token_sort_ratio is plain ratio on these, which rapidfuzz
    computes bit-parallel (≈5x faster than token_sort_ratio sorting both sides per pair)."""

    @property
    def size(self) -> int:
        return len(self.identifiers)


def version_of(rows: list[dict[str, Any]]) -> tuple[Any, ...]:
    row = rows[0] if rows else {}
    return (row.get("entities"), row.get("relationships"), str(row.get("latest_run")))


def build_index(
    version: tuple[Any, ...], identifier_rows: Iterable[dict[str, Any]], people_rows: Iterable[dict[str, Any]]
) -> HubIndex:
    """The index from the two queries' rows. Names and aliases of one word are left out (a surname alone
    matches too many people to be a screening hit)."""
    names: list[str] = []
    ids: list[str] = []
    for row in people_rows:
        seen: set[str] = set()
        for text in [row.get("name") or "", *(row.get("aliases") or [])]:
            name = normalise_person_name(text) if text else ""
            if len(name.split()) >= 2 and name not in seen:
                seen.add(name)
                names.append(name)
                ids.append(row["id"])
    identifiers = frozenset(r["id"] for r in identifier_rows if r.get("id"))
    return HubIndex(version, identifiers, names, ids, [sort_words(n) for n in names])


def sort_words(name: str) -> str:
    return " ".join(sorted(name.split()))
