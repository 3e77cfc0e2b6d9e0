"""A business the text shows being used for exploitation is a `FrontBusiness`.

The retyping needs a stated cue right before or after the business name AND exploitation evidence in
the document (the words `relation_cues.EXPLOITATION` looks for: forced, debts, passports, fined,
deductions, ...; or people found/freed: "Officers found 18 people ..."):

* a raid: "Police raided the premises of X", "a raid on X", "officers raided X";
* abuse stated at the business: "abuse at X", "exploitation at the agency X", "forced to work at X";
* the word front: "X was used as a front", "X, a front for ...", "the front company X".

Every mention of that business in the document (same value, or a `ref` to it) is retyped, so one
document never calls the same business two kinds. The cue is kept in `attributes["front_cue"]`.
Only the business family is retyped (Business, EmploymentAgency, TransportCompany): an authority or an
NGO "at" which abuse is reported is never a front. Across documents the graph keeps every label a
document gave, and `queries/ingest/merge_entities.cypher` lets kind FrontBusiness win over the sibling
kinds (EmploymentAgency, TransportCompany) whatever the order the documents arrive in.
"""

from __future__ import annotations

import re
from typing import Any

from extraction.components.base import root_mention
from ontology import load_ontology
from ontology.names import C

RETYPABLE = load_ontology().classes_under(C.Business) - {C.FrontBusiness}
_DESCRIPTOR = r"(?:(?:the|a|an|its)\s+)?(?:[\w-]+\s+){0,2}?"
# words that end right before the business name
FRONT_BEFORE = re.compile(
    r"\b(?:raided|raid\s+(?:on|at)|raids\s+(?:on|at))\s+(?:the\s+)?"
    r"(?:(?:premises|offices?|sites?|units?|warehouse|depot|shop|salon|parlou?r|farm|factory|yard)\s+of\s+)?"
    + _DESCRIPTOR
    + r"$"
    r"|\b(?:abuse|exploitation|forced labou?r|slavery|trafficking)\s+(?:was\s+found\s+)?at\s+"
    + _DESCRIPTOR
    + r"$"
    r"|\b(?:forced|made|compelled)\s+to\s+work\s+(?:for\s+nothing\s+)?(?:at|for)\s+" + _DESCRIPTOR + r"$"
    r"|\bfront\s+(?:company|business|firm)\s+$",
    re.IGNORECASE,
)
# words that start right after the business name
FRONT_AFTER = re.compile(
    r"^,?\s+(?:which\s+|that\s+)?(?:was|is|had been|has been)\s+(?:being\s+)?used\s+as\s+a\s+front\b"
    r"|^,?\s+(?:which\s+|that\s+)?(?:served|acted|operated)\s+as\s+a\s+front\b"
    r"|^,\s+(?:a|the)\s+front\s+(?:for|of)\b",
    re.IGNORECASE,
)
WINDOW = 80
# "Officers found 18 people from Nigeria who said ...": people found or freed at the place
VICTIMS_FOUND = re.compile(
    r"\b(?:found|rescued|freed|discovered|identified|removed)\s+(?:\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten|a dozen|dozens of|several|more than \d+)\s+(?:\w+\s+)?"
    r"(?:people|persons|workers|women|men|girls|boys|children|victims|migrants|labourers)\b",
    re.IGNORECASE,
)


def front_cue(text: str, mention: dict[str, Any]) -> str | None:
    """The cue text that makes this business mention a front, or None."""
    before = text[max(0, mention["start"] - WINDOW) : mention["start"]]
    hit = FRONT_BEFORE.search(before)
    if hit:
        return hit.group(0).strip()
    after = text[mention["end"] : mention["end"] + WINDOW]
    hit = FRONT_AFTER.match(after)
    return hit.group(0).strip(" ,") if hit else None


def mark_front_businesses(text: str, items: list[dict[str, Any]], exploitation: bool) -> list[dict[str, Any]]:
    """Retype (in place) the business mentions the document shows as fronts; returns the retyped ones."""
    if not (exploitation or VICTIMS_FOUND.search(text)):
        return []
    by_key = {m["key"]: m for m in items}
    cues: dict[str, str] = {}  # business value (case-folded) -> cue
    for m in items:
        if m["type"] in RETYPABLE | {C.FrontBusiness}:
            cue = front_cue(text, m)
            if cue:
                root = root_mention(m, by_key)
                cues.setdefault(root["value"].casefold(), cue)
    if not cues:
        return []
    changed = []
    for m in items:
        if m["type"] not in RETYPABLE:
            continue
        cue = cues.get(root_mention(m, by_key)["value"].casefold())
        if cue:
            m["type"] = C.FrontBusiness
            m["attributes"]["front_cue"] = cue
            changed.append(m)
    return changed
