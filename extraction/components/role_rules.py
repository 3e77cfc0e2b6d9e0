"""Roles in the trafficking process (Role individuals) for people, from relations and cue words."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from extraction.components.base import doc_text, load_patterns, root_mention

FROM_RELATION = {
    "RECRUITED": ("Recruiter", "Victim"),
    "TRANSPORTED": ("Transporter", "Victim"),
    "CONTROLLED": ("Exploiter", "Victim"),
    "EXPLOITED_AT": ("Victim", None),
    "RECRUITED_IN": ("Victim", None),
}
VICTIM_NAMES = re.compile(r"^(?:jane|john) doe\b", re.IGNORECASE)
_CUES: list[tuple[str, re.Pattern[str]]] | None = None


def role_cues() -> list[tuple[str, re.Pattern[str]]]:
    global _CUES
    if _CUES is None:
        _CUES = [(row["label"], re.compile(row["regex"], re.IGNORECASE)) for row in load_patterns("roles")]
    return _CUES


def _add(person: dict[str, Any], role: str) -> None:
    roles = person["attributes"].setdefault("roles", [])
    if role not in roles:
        roles.append(role)


def assign_roles(doc: Doc, items: list[dict[str, Any]], found: list[dict[str, Any]]) -> None:
    by_key = {m["key"]: m for m in items}

    def canonical(key: int) -> dict[str, Any]:
        return root_mention(by_key[key], by_key)

    for rel in found:
        roles = FROM_RELATION.get(rel["type"])
        if not roles:
            continue
        source, target = canonical(rel["source"]), canonical(rel["target"])
        if source["type"] == "Person" and roles[0]:
            _add(source, roles[0])
        if target["type"] == "Person" and roles[1]:
            _add(target, roles[1])
    text = doc_text(doc)
    for mention in items:
        if mention["type"] != "Person":
            continue
        person = canonical(mention["key"])
        if VICTIM_NAMES.match(mention["value"]):
            _add(person, "Victim")
        before = text[max(0, mention["start"] - 25) : mention["start"]]
        after = text[mention["end"] : mention["end"] + 25]
        appositive = after[2:] if after.startswith((", a ", ", an ", ", the ")) else ""
        for role, cue in role_cues():
            hit = cue.search(before)
            if (hit and len(before) - hit.end() <= 2) or (
                appositive and cue.match(appositive.split(" ", 1)[-1])
            ):
                _add(person, role)
