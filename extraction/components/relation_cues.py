"""Surface-cue relations the dependency rules miss: stated links between adjacent mentions.

Each rule needs the words that state the link between two mentions of one sentence (or, for an
anaphor such as "the company's director" / "the number is used by", the nearest earlier mention the
phrase refers to). Co-occurrence alone never makes a relation. Called by `lantern_relations`."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

from extraction.components.base import IDENTIFIER_RELATION as BASE_IDENTIFIER_RELATION
from extraction.components.base import entity_key
from extraction.components.front_cues import mark_front_businesses
from extraction.components.movement_cues import movement_relations
from extraction.components.supply_cues import based_at_across_a_split, labour_supply
from ontology import load_ontology
from ontology.names import C, R

_ONT = load_ontology()
ORG_AGENTS = {C.Organization} | _ONT.classes_under(C.Business)
# surface cues never attribute vehicles ("used by X" about a car is not a stated use)
IDENTIFIER_RELATION = {k: v for k, v in BASE_IDENTIFIER_RELATION.items() if k != C.Vehicle}
# "X owns and controls Y", "X runs Y"
OWNS_BETWEEN = re.compile(
    r"^\s+(?:also\s+)?(?:owns|owned|runs|ran|operates|operated|manages|managed|controls|controlled)"
    r"(?:\s+and\s+(?:owns|runs|operates|manages|controls|controlled|operated|ran))?\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "The company's director, X" → X owns the company last named
COMPANY_HEAD = re.compile(
    r"\b(?:the|its)\s+(?:company|firm|agency|business|employer)(?:'s|’s)?\s+"
    r"(?:director|owner|managing director|manager|boss|founder|proprietor|head),?\s*$"
    r"|\bits\s+(?:director|owner|managing director|manager|boss|founder|proprietor),?\s*$",
    re.IGNORECASE,
)
# "the prosecution of X and Y", "X and Y (co-defendants)"
CO_ACCUSED_CUE = re.compile(
    r"\bco-?defendants?\b|\b(?:prosecution|trial|case against|charges against|indictment)\b",
    re.IGNORECASE,
)
AND_BETWEEN = re.compile(r"^\s*(?:,|,?\s+and)\s+$")
# "X ... was paid by Y to ...", "employed by Y"
PAID_BY = re.compile(
    r"\b(?:was|were|is|been|being|got)\s+(?:paid|employed|hired|sent)\s+by\s+$", re.IGNORECASE
)
# "a driver, X, met the group": X transported the reporting person
REPORTED_DRIVER = re.compile(
    r"(?:^|[^\w\s]\s*)(?P<who>[A-Z][\w'-]+)\s+(?:says|said|recalls|recalled|remembers)\s+(?:that\s+)?"
    r"(?:a|the)\s+(?:driver|smuggler|escort),\s+$"
)
MET_AFTER = re.compile(r"^,?\s+(?:met|picked up|collected|drove|took)\s+(?:the group|us|her|him|them|me)\b")
# "She was taken to ADDRESS" in a text about exploitation
TAKEN_TO = re.compile(r"\b(?:was|were)\s+(?:taken|brought|driven|moved)\s+to\s+$", re.IGNORECASE)
PRONOUN_SUBJECT = re.compile(
    r"\b(?:she|he)\s+(?:was|were)\s+(?:taken|brought|driven|moved)\s+to\s+$", re.IGNORECASE
)
EXPLOITATION = re.compile(
    r"\b(?:forc\w+|exploit\w*|traffick\w*|debts?|owe\w*|passports?|unpaid|threaten\w*|locked|"
    r"people in charge|made (?:them|her|him|us|me) \w+|confiscat\w*|withh[eo]ld|fined|deductions|"
    r"could not leave|not allowed to leave)\b",
    re.IGNORECASE,
)
# "the number is used by X", "the email address belongs to X"
ANAPHOR_USE = re.compile(
    r"\bthe\s+(?P<kind>number|phone|mobile|e-?mail(?: address)?|address|account|handle)\s+"
    r"(?:is|was|has been|had been)\s+(?:used|registered|held|operated|answered)\s+(?:by|to)\s+$"
    r"|\bthe\s+(?P<kind2>number|phone|mobile|e-?mail(?: address)?|account|handle)\s+belongs?\s+to\s+$",
    re.IGNORECASE,
)
# "the account ... paid the invoices of X": the account pays for X
PAID_FOR = re.compile(r"\bpaid\s+(?:the\s+)?(?:invoices|bills|rent|wages|salaries)\s+(?:of|for)\s+$", re.I)
ACCOUNTS = _ONT.classes_under(C.PaymentAccount) - {C.PaymentAccount}
# "Bivol bought his ticket and kept his passport": control by document confiscation
KEPT_PASSPORT = re.compile(
    r"^\s+(?:\w+\s+){0,6}?(?:took|kept|confiscated|held|seized|withheld)\s+(?:his|her)\s+(?:passport|documents|papers)\b",
    re.IGNORECASE,
)
# "EMAIL, an address the prosecution attributes to X"
ATTRIBUTED_TO = re.compile(
    r"^,\s+(?:an?|the)\s+(?:e-?mail\s+|phone\s+)?(?:address|number|account|handle)\s+(?:that\s+|which\s+)?"
    r"(?:the\s+\w+\s+|investigators\s+|police\s+|officers\s+)?(?:attributes?|attributed|links?|linked|traced)\s+to\s+$",
    re.IGNORECASE,
)
KIND_TYPES = {
    "number": {C.Phone},
    "phone": {C.Phone},
    "mobile": {C.Phone},
    "email": {C.Email},
    "e-mail": {C.Email},
    "email address": {C.Email},
    "e-mail address": {C.Email},
    "address": {C.Email},
    "account": ACCOUNTS | {C.SocialHandle},
    "handle": {C.SocialHandle},
}

Emit = Callable[[str, dict[str, Any], dict[str, Any], Span, float], None]


def cue_relations(doc: Doc, text: str, items: list[dict[str, Any]], emit: Emit) -> None:
    ordered = sorted(items, key=lambda m: m["start"])
    # full names first: "Iryna" in "Iryna says ..." is the "Iryna Tkachuk" of the document
    people = sorted((m for m in ordered if m["type"] == C.Person), key=lambda m: m.get("ref") is not None)
    # a business the document shows being used for exploitation is typed FrontBusiness before the pairs
    exploitation = bool(EXPLOITATION.search(text))
    mark_front_businesses(text, ordered, exploitation)
    starts = [m["start"] for m in ordered]
    for sent in doc.sents:
        # mentions of the sentence by bisection, earlier ones only when a rule asks (linear in the doc)
        lo, hi = bisect_left(starts, sent.start_char), bisect_left(starts, sent.end_char)
        inside = ordered[lo:hi]

        def earlier(lo: int = lo, start: int = sent.start_char) -> list[dict[str, Any]]:
            return [m for m in ordered[:lo] if m["end"] <= start]

        _pairs(text, sent, inside, earlier, people, emit, exploitation)
    based_at_across_a_split(doc, text, ordered, emit, ORG_AGENTS)
    movement_relations(doc, text, ordered, people, emit)


def _pairs(
    text: str,
    sent: Span,
    inside: list[dict[str, Any]],
    earlier: Callable[[], list[dict[str, Any]]],
    people: list[dict[str, Any]],
    emit: Emit,
    exploitation: bool,
) -> None:
    co_accused = bool(CO_ACCUSED_CUE.search(text, sent.start_char, sent.end_char))
    for i, right in enumerate(inside):
        before = text[max(sent.start_char, inside[i - 1]["end"] if i else sent.start_char) : right["start"]]
        head = text[sent.start_char : right["start"]]
        left = inside[i - 1] if i else None
        if left and left["type"] == C.Person and right["type"] in ORG_AGENTS and OWNS_BETWEEN.match(before):
            emit(R.OWNS, left, right, sent, 0.7)
        if right["type"] == C.Person and COMPANY_HEAD.search(head[-60:]):
            orgs = [m for m in earlier() + inside[:i] if m["type"] in ORG_AGENTS]
            if orgs:
                emit(R.OWNS, right, orgs[-1], sent, 0.6)
        if left and left["type"] in ORG_AGENTS and right["type"] in {C.Person} | ORG_AGENTS:
            labour_supply(left, right, before, sent, emit, right_is_org=right["type"] in ORG_AGENTS)
        if co_accused and left and left["type"] == right["type"] == C.Person and AND_BETWEEN.match(before):
            emit(R.CO_ACCUSED, left, right, sent, 0.7)
        if left and PAID_BY.search(before):
            actors = [m for m in inside[:i] if m["type"] == C.Person]
            if actors and right["type"] == C.Person:
                emit(R.ASSOCIATE_OF, actors[-1], right, sent, 0.6)
            elif actors and right["type"] in ORG_AGENTS:
                emit(R.WORKS_FOR, actors[-1], right, sent, 0.6)
        reported = REPORTED_DRIVER.search(head[-80:]) if right["type"] == C.Person else None
        if reported and MET_AFTER.match(text[right["end"] : sent.end_char]):
            who = reported.group("who")
            reporter = [m for m in people if m["value"] == who or m["value"].split()[0] == who]
            if reporter:
                emit(R.TRANSPORTED, right, reporter[0], sent, 0.6)
        if right["type"] == C.Address and exploitation and TAKEN_TO.search(before):
            people = [m for m in inside[:i] if m["type"] == C.Person]
            if not people and PRONOUN_SUBJECT.search(before):
                people = [m for m in earlier() if m["type"] == C.Person][-1:]
            for person in people[-1:]:
                emit(R.EXPLOITED_AT, person, right, sent, 0.6)
        if right["type"] == C.Person and KEPT_PASSPORT.match(text[right["end"] : sent.end_char]):
            me = entity_key(right)
            others = [m for m in people if m["end"] <= right["start"] and entity_key(m) != me]
            if others:
                emit(R.CONTROLLED, right, max(others, key=lambda m: m["end"]), sent, 0.6)
        if right["type"] in ORG_AGENTS and PAID_FOR.search(head[-60:]):
            accounts = [m for m in inside[:i] if m["type"] in ACCOUNTS]
            if not accounts and re.search(r"\bthe account\b", head):  # "the account ... paid"
                accounts = [m for m in earlier() if m["type"] in ACCOUNTS]
            if accounts:
                emit(R.USES_ACCOUNT, right, accounts[-1], sent, 0.55)
        if left and left["type"] in IDENTIFIER_RELATION and right["type"] in {C.Person} | ORG_AGENTS:
            if ATTRIBUTED_TO.match(before):
                emit(IDENTIFIER_RELATION[left["type"]], right, left, sent, 0.65)
        if right["type"] in {C.Person} | ORG_AGENTS:
            hit = ANAPHOR_USE.search(head[-80:])
            if hit:
                kinds = KIND_TYPES[(hit.group("kind") or hit.group("kind2")).lower()]
                idents = [m for m in earlier() + inside[:i] if m["type"] in kinds]
                if idents:
                    emit(IDENTIFIER_RELATION[idents[-1]["type"]], right, idents[-1], sent, 0.65)
