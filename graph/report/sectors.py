"""Sectors a business works in (an ontology `Sector` individual), read from its class and its name
with the cues in `sectors.jsonl` — the "sectors" of a report's "sectors and businesses exposed".

A business of class EmploymentAgency is in recruitment and a TransportCompany in transport, whatever
their names; any business is in every sector its name names ("AgriFlex Recruitment Ltd": agriculture
and recruitment; "Sunrise Cleaning Services": cleaning). A name that names none ("BudMax Sp. z
o.o.") is in no sector: the report counts it as a business whose sector is not known, and says so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ontology import load_ontology
from ontology.names import C

CUES_PATH = Path(__file__).with_name("sectors.jsonl")


@dataclass(frozen=True)
class Cue:
    sector: str
    pattern: re.Pattern[str]
    classes: frozenset[str]


@cache
def cues() -> tuple[Cue, ...]:
    """The sector cues, checked against the ontology: every label a Sector individual, every class a
    Business class."""
    ont = load_ontology()
    sectors, businesses = set(ont.individuals(C.Sector)), ont.classes_under(C.Business)
    out = []
    for line in CUES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("//"):
            continue
        row = json.loads(line)
        if row["label"] not in sectors:
            raise ValueError(f"{CUES_PATH.name}: {row['label']!r} is not an ontology Sector individual")
        unknown = set(row["classes"]) - businesses
        if unknown:
            raise ValueError(f"{CUES_PATH.name}: {sorted(unknown)} are not ontology Business classes")
        out.append(Cue(row["label"], re.compile(row["regex"], re.IGNORECASE), frozenset(row["classes"])))
    return tuple(out)


def sectors_of(name: str, classes: Iterable[str] = ()) -> list[str]:
    """The sectors of a business called `name` whose classes are `classes`, in the cues' order."""
    have = set(classes)
    return [c.sector for c in cues() if have & c.classes or c.pattern.search(name)]


UNKNOWN = ""  # the sector of a business whose class and name name none


def of_document(businesses: Iterable[tuple[str, str]]) -> set[str]:
    """The sectors a document's businesses ((name, class) pairs) work in; `UNKNOWN` for a business
    of no known sector."""
    out: set[str] = set()
    for name, cls in businesses:
        out.update(sectors_of(name, [cls]) or [UNKNOWN])
    return out
