"""The slice of the ontology ingest needs: labels, relationship validation, individuals.

Everything comes from `ontology.load_ontology()` (the Turtle is the source of truth). The few
attributes read with `getattr` fall back to the names in docs/graph-model.md so ingest keeps working
while the ontology module grows; a unit test checks both agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

FALLBACK_INDIVIDUALS: dict[str, tuple[str, ...]] = {
    "TraffickingType": (
        "SexTrafficking",
        "ForcedLabour",
        "DomesticServitude",
        "CriminalExploitation",
        "ForcedMarriage",
        "OrganRemoval",
        "ChildSoldiering",
    ),
    "Indicator": (
        "DebtBondage",
        "DocumentConfiscation",
        "ThreatsOrViolence",
        "FalseJobOffer",
        "RestrictedMovement",
        "WithheldWages",
        "ExcessiveHours",
        "Isolation",
        "OnlineAdvertising",
        "MinorInvolved",
    ),
    "Role": (
        "Recruiter",
        "Transporter",
        "Exploiter",
        "Harbourer",
        "Financier",
        "Facilitator",
        "Victim",
        "Buyer",
        "Accused",
        "Official",
        "Witness",
    ),
}
FALLBACK_SYMMETRIC = frozenset({"ASSOCIATE_OF", "CO_ACCUSED", "MENTIONED_TOGETHER"})


@dataclass
class OntologyView:
    """Answers ingest's questions about classes and relationship types, with caching."""

    onto: Any
    _labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _cache: dict[Any, Any] = field(default_factory=dict)
    mention_memo: dict[Any, Any] = field(default_factory=dict, repr=False)
    """What `graph.ingest.prepare` made of a mention (type, text, value, attributes ...): it depends on
    this view, so it is kept with it. A corpus repeats its places and agencies: 15,760 mentions of the
    bench corpus are 1,959 distinct ones."""

    def labels(self, cls: str) -> tuple[str, ...]:
        """Class + ancestors (e.g. ('Entity', 'Identifier', 'Phone')); () for an unknown class."""
        if cls not in self._labels:
            try:
                found = tuple(self.onto.labels_for(cls) or ())
            except (KeyError, ValueError, LookupError):
                found = ()
            self._labels[cls] = found
        return self._labels[cls]

    def is_entity_class(self, cls: str) -> bool:
        return "Entity" in self.labels(cls) and cls != "Entity"

    def is_document_class(self, cls: str) -> bool:
        return "Document" in self.labels(cls)

    def is_a(self, cls: str, ancestor: str) -> bool:
        return ancestor in self.labels(cls)

    def relationship_types(self) -> set[str]:
        if "types" not in self._cache:
            self._cache["types"] = set(self.onto.relationship_types)
        return self._cache["types"]  # type: ignore[no-any-return]

    def allows(self, rel: str, src: str, dst: str) -> bool:
        key = ("allows", rel, src, dst)
        if key not in self._cache:
            try:
                self._cache[key] = bool(self.onto.allows(rel, src, dst))
            except (KeyError, ValueError, LookupError):
                self._cache[key] = False
        return self._cache[key]  # type: ignore[no-any-return]

    def individuals(self, cls: str) -> set[str]:
        key = ("individuals", cls)
        if key not in self._cache:
            self._cache[key] = self._individuals(cls)
        return self._cache[key]  # type: ignore[no-any-return]

    def _individuals(self, cls: str) -> set[str]:
        getter = getattr(self.onto, "individuals", None)
        if callable(getter):
            try:
                found = getter(cls)
                if found:
                    return {getattr(i, "name", i) for i in found}
            except (KeyError, ValueError, LookupError):
                pass
        return set(FALLBACK_INDIVIDUALS.get(cls, ()))

    def is_symmetric(self, rel: str) -> bool:
        relation = getattr(self.onto, "relation", None)
        if callable(relation):
            try:
                return bool(relation(rel).symmetric)
            except (KeyError, AttributeError):
                return False
        return rel in FALLBACK_SYMMETRIC

    def symmetric_types(self) -> set[str]:
        """Relationship types whose facts are stored once, lower key → higher key."""
        if "symmetric" not in self._cache:
            self._cache["symmetric"] = {t for t in self.relationship_types() if self.is_symmetric(t)}
        return self._cache["symmetric"]  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def default_view() -> OntologyView:
    from ontology import load_ontology  # type: ignore[attr-defined]

    return OntologyView(load_ontology())
