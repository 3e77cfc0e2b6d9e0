"""Acronyms a document defines: "Kestrel Children's Advocacy Center (KCAC)", "Rapid DNA Profiling (RDP)".

An acronym in parentheses right after the words it abbreviates (their capitalised words' initials,
in order) tells what those words are called, and the words tell what kind of thing it is:

* a name with an organisation's head noun or keyword ("… Center", "… Initiative", "Council of …",
  "… Police") is an organisation, in full and as its acronym (two mentions, as the guidelines and
  readers count them), even where the NER saw a place or a person in it;
* a phrase without one (a technique, a crime, a programme of work: "Investigative Genetic
  Genealogy (IGG)", "Driving While Intoxicated (DWI)") or a law ("Senate Bill (SB)") is not, so an
  ORG the NER or a keyword put on its acronym is not an organisation either.

A definition is only read where the initials match exactly; anything else is left to the NER.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from extraction.components.base import SpanSet, add_mention, collapse, doc_text, mentions, overlaps
from extraction.components.name_shape import FORCE_NOUNS, ORG_HEADS
from ontology.names import C

PARENTHESISED = re.compile(r"\(\s*([A-Z][A-Z0-9&.]{1,9})\s*\)")
CONNECTORS = frozenset({"of", "and", "for", "the", "against", "on", "&", "-", "'s", "’s", "in", "to"})
MAX_WORDS = 12
LEGISLATION = frozenset({"bill", "act", "code", "law", "amendment", "resolution", "ordinance", "statute"})
"""The last word of a law's name: "Senate Bill (SB)" names a bill, not the Senate."""
EXTRA_AFTER = 1
"""Capitalised words allowed between the abbreviated words and the parenthesis: the place an
organisation's local branch adds ("National Council of Jewish Women Kestrel (NCJW)")."""


@dataclass(frozen=True)
class Definition:
    acronym: str
    long_start: int
    long_end: int
    acronym_start: int
    acronym_end: int
    organisation: bool
    law: bool


def _run_before(doc: Doc, index: int) -> list[int]:
    """Token indices of the name-like run that ends right before token `index`, in text order."""
    run: list[int] = []
    i = index - 1
    while i >= 0 and len(run) < MAX_WORDS * 2:
        token = doc[i]
        if token.text == "\n" or token.lower_ in CONNECTORS or (token.is_alpha and token.text[0].isupper()):
            run.append(i)
            i -= 1
            continue
        break
    return run[::-1]


def definitions(doc: Doc, keyword_typed: Callable[[str], bool]) -> list[Definition]:
    text = doc_text(doc)
    found = []
    for match in PARENTHESISED.finditer(text):
        letters = [c for c in match.group(1) if c.isalpha()]
        opening = doc.char_span(match.start(), match.start() + 1)
        if opening is None or len(letters) < 2:
            continue
        run = _run_before(doc, opening.start)
        capitals = [i for i in run if doc[i].is_alpha and doc[i].text[0].isupper()]
        for extra in range(EXTRA_AFTER + 1):
            words = capitals[: len(capitals) - extra] if extra else capitals
            if len(words) < len(letters):
                break
            chosen = words[len(words) - len(letters) :]
            if [doc[i].text[0] for i in chosen] != letters:
                continue
            end_token = capitals[-1] if capitals else chosen[-1]
            start, end = doc[chosen[0]].idx, doc[end_token].idx + len(doc[end_token])
            long_form = text[start:end]
            law = doc[chosen[-1]].lower_ in LEGISLATION
            headed = not law and any(
                doc[i].lower_ in ORG_HEADS or doc[i].lower_ in FORCE_NOUNS for i in chosen
            )
            found.append(
                Definition(
                    acronym=match.group(1),
                    long_start=start,
                    long_end=end,
                    acronym_start=match.start(1),
                    acronym_end=match.end(1),
                    organisation=headed or (not law and keyword_typed(long_form)),
                    law=law,
                )
            )
            break
    return found


def read_definitions(
    doc: Doc, taken: SpanSet, org_type: Callable[[str], str | None], org_like: frozenset[str]
) -> None:
    """Apply what each definition says to the document's mentions: an organisation's full name and its
    acronym are two mentions, over a place or person the NER saw inside the name; a law, or an acronym
    of a phrase with no organisation in it, is no organisation."""
    for item in definitions(doc, lambda name: org_type(name) is not None):
        inside = [m for m in mentions(doc) if overlaps(item.long_start, item.long_end, m["start"], m["end"])]
        if item.law:
            for m in [m for m in inside if m["type"] in org_like]:
                mentions(doc).remove(m)
        if not item.organisation:
            if item.law or not any(m["type"] in org_like for m in inside):
                for m in [m for m in mentions(doc) if m["text"] == item.acronym and m["type"] in org_like]:
                    mentions(doc).remove(m)
            continue
        if any(m["start"] < item.long_start or m["end"] > item.long_end for m in inside):
            continue  # a longer name already holds it: leave it
        if any(
            m["type"] in org_like and (m["start"], m["end"]) == (item.long_start, item.long_end)
            for m in inside
        ):
            continue
        for m in inside:
            mentions(doc).remove(m)
        name = collapse(doc_text(doc)[item.long_start : item.long_end])
        type_ = org_type(name) or C.Organization
        add_mention(doc, type_, item.long_start, item.long_end, name, 0.8, "definition")
        taken.append((item.long_start, item.long_end))
        if taken.free(item.acronym_start, item.acronym_end):
            add_mention(doc, type_, item.acronym_start, item.acronym_end, item.acronym, 0.8, "acronym")
            taken.append((item.acronym_start, item.acronym_end))
