"""Movement relations stated by surface cues: TRANSPORTED_FROM / _VIA / _TO between a person and a place.

The dependency rules in relations.py catch "X drove her from A to B". Reports and testimony state the
journey differently, and these cues read them (the moved person is named, a pronoun, "the group" or "I"):
* "X was 23 when she left Харків", "X left Odesa in 2023", "fled from A" .......... FROM
* "a driver, T, met the group in Przemyśl" (testimony of X) ...................... VIA for X
* "On arrival in Berlin she was taken to ...", "arrived in B" .................... TO
* "In Berlin the group were moved between flats", "In Paris we were made to ..." . TO for the narrator
* "stopped a minibus near A carrying nine passengers from C. The driver, T, ..." ... VIA A, FROM C for T
* "T told officers he was paid by E to bring people to Berlin" ................... TO for T (not E)
* "T, a driver under investigation for bringing women from Ukraine to Berlin" ...... FROM / TO for T
* "the defendants arranged the travel of persons from C1 to C2" ................... FROM / TO per defendant
A person's home ("Client: X, 19, from Mykolaiv") is where they live (LOCATED_IN), not the start of a journey:
without a stated departure the movement has no origin, and the map says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

from ontology import load_ontology
from ontology.names import C, R

ADDRESS = C.Address  # an address is where a person is taken within a city (EXPLOITED_AT), not a journey's end
PLACES = load_ontology().classes_under(C.Location) - {ADDRESS}
FROM = R.TRANSPORTED_FROM
VIA = R.TRANSPORTED_VIA
TO = R.TRANSPORTED_TO
Emit = Callable[[str, dict[str, Any], dict[str, Any], Span, float], None]

LEFT = re.compile(r"\b(?:left|fled(?:\s+from)?|escaped\s+from|departed(?:\s+from)?)\s+$", re.I)
MET_IN = re.compile(
    r"\b(?:met|picked\s+up|collected)\s+(?:the\s+group|us|them|her|him|me)\s+(?:in|at|near)\s+$", re.I
)
ARRIVAL = re.compile(
    r"\b(?:on\s+(?:their\s+|her\s+|his\s+|our\s+|my\s+)?arrival\s+in|arrived\s+in)\s+$", re.I
)
PRONOUN_AFTER = re.compile(r"^,?\s+(?P<who>she|he|they|we|I)\s+(?:was|were)\b")
IN_PLACE = re.compile(r"(?:^|[.!?\"]\s*)In\s+$")
GROUP_AFTER = re.compile(
    r"^,?\s+(?:the\s+group|we|they|I|she|he)\s+(?:were|was)\s+(?:moved|taken|made|forced|kept|held|locked|put)\b",
    re.I,
)
VEHICLE = re.compile(r"\b(?:minibus|bus|van|car|lorry|truck|coach|boat)\b", re.I)
NEAR = re.compile(r"\b(?:near|at|in|outside)\s+$", re.I)
FROM_WORD = re.compile(r"\bfrom\s+$", re.I)
DRIVER_NEXT = re.compile(r"^\s*(?:The|Its)\s+driver,\s+$")
_BRING = (
    r"\b(?:bring|bringing|take|taking|drive|driving|transport|transporting|smuggle|smuggling|ferry|ferrying|"
    r"move|moving)\s+(?:people|them|workers|passengers|victims|women|men|girls|boys|her|him|us)\s+"
)
BRING_TO = re.compile(_BRING + r"to\s+$", re.I)
BRING_FROM = re.compile(_BRING + r"from\s+$", re.I)
BY_BEFORE = re.compile(r"\bby\s+$", re.I)
TRAVEL_FROM = re.compile(
    r"\bdefendants?\s+(?:arranged|organi[sz]ed|facilitated)\s+the\s+(?:travel|transport|movement|journey)\s+"
    r"of\s+(?:persons|people|victims|workers|women|men)\s+from\s+$",
    re.I,
)
TO_BETWEEN = re.compile(r"\s+to\s+")
DEFENDANTS_CUE = re.compile(r"\bco-?defendants?\b|\bprosecution\s+of\b", re.I)


def movement_relations(
    doc: Doc, text: str, ordered: list[dict[str, Any]], people: list[dict[str, Any]], emit: Emit
) -> None:
    """Emit the movement relations the cues above state; `ordered` = the document's mentions by start."""
    persons = [m for m in ordered if m["type"] == C.Person]
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        inside = [m for m in ordered if sent.start_char <= m["start"] and m["end"] <= sent.end_char]
        for i, place in enumerate(inside):
            if place["type"] not in PLACES:
                continue
            head = text[sent.start_char : place["start"]]
            after = text[place["end"] : sent.end_char]
            earlier = [m for m in persons if m["end"] <= place["start"]]
            here = [m for m in inside[:i] if m["type"] == C.Person]
            if LEFT.search(head[-40:]):
                _emit_for(emit, FROM, here[-1:] or earlier[-1:], place, sent)
            if MET_IN.search(head[-50:]):
                _emit_for(emit, VIA, _narrator(text, sent, people, persons), place, sent)
            if ARRIVAL.search(head[-40:]):
                who = here[-1:]
                hit = PRONOUN_AFTER.match(after)
                if not who and hit:
                    who = (
                        _narrator(text, sent, people, persons) if hit["who"] in {"we", "I"} else earlier[-1:]
                    )
                _emit_for(emit, TO, who, place, sent)
            if IN_PLACE.search(head[-6:] if len(head) > 4 else head) and GROUP_AFTER.match(after):
                _emit_for(emit, TO, _narrator(text, sent, people, persons), place, sent)
            bring_to = BRING_TO.search(head[-60:]) or (
                i
                and inside[i - 1]["type"] in PLACES
                and TO_BETWEEN.fullmatch(_between(text, inside[i - 1], place))
                and BRING_FROM.search(text[sent.start_char : inside[i - 1]["start"]][-60:])
            )
            if bring_to or BRING_FROM.search(head[-60:]):
                agents = [m for m in here if not BY_BEFORE.search(text[max(0, m["start"] - 4) : m["start"]])]
                fact = TO if bring_to else FROM
                _emit_for(emit, fact, agents[-1:], place, sent)
            if TRAVEL_FROM.search(head[-90:]):
                _emit_for(emit, FROM, _defendants(sents[:k], persons), place, sent)
            elif (
                i
                and inside[i - 1]["type"] in PLACES
                and TO_BETWEEN.fullmatch(_between(text, inside[i - 1], place))
            ):
                if TRAVEL_FROM.search(text[sent.start_char : inside[i - 1]["start"]][-90:]):
                    _emit_for(emit, TO, _defendants(sents[:k], persons), place, sent)
        if VEHICLE.search(sent.text) and k + 1 < len(sents):
            _vehicle(text, sent, sents[k + 1], inside, ordered, emit)


def _between(text: str, left: dict[str, Any], right: dict[str, Any]) -> str:
    return text[left["end"] : right["start"]]


def _emit_for(emit: Emit, fact: str, who: list[dict[str, Any]], place: dict[str, Any], sent: Span) -> None:
    for person in who:
        emit(fact, person, place, sent, 0.65)


def _narrator(
    text: str, sent: Span, people: list[dict[str, Any]], persons: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Whose journey a testimony tells: the self-named speaker ("My name is X"), else the subject of
    "X says ..." in the sentence, else the first person the document names."""
    said = re.search(r"(?:^|[.!?\"]\s*)(?P<who>[A-Z][\w'-]+)\s+(?:says|said|recalls|recalled)\b", sent.text)
    if said:
        name = said["who"]
        hits = [m for m in people if m["value"] == name or m["value"].split()[0] == name]
        if hits:
            return hits[:1]
    speaker = re.search(r"\bmy name is\s+", text, re.I)
    if speaker:
        named = [m for m in persons if m["start"] >= speaker.end()][:1]
        if named:
            return named
    return persons[:1]


def _defendants(before: list[Span], persons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for sent in reversed(before):
        if DEFENDANTS_CUE.search(sent.text):
            return [m for m in persons if sent.start_char <= m["start"] and m["end"] <= sent.end_char]
    return []


def _vehicle(
    text: str,
    sent: Span,
    nxt: Span,
    inside: list[dict[str, Any]],
    ordered: list[dict[str, Any]],
    emit: Emit,
) -> None:
    """A vehicle stopped near A carrying passengers from C; the next sentence names its driver."""
    drivers = [
        m
        for m in ordered
        if m["type"] == C.Person
        and nxt.start_char <= m["start"] < nxt.end_char
        and DRIVER_NEXT.match(text[nxt.start_char : m["start"]])
    ]
    if not drivers:
        return
    for place in inside:
        if place["type"] not in PLACES:
            continue
        head = text[sent.start_char : place["start"]][-30:]
        if FROM_WORD.search(head):
            _emit_for(emit, FROM, drivers[:1], place, sent)
        elif NEAR.search(head) and VEHICLE.search(text[sent.start_char : place["start"]]):
            _emit_for(emit, VIA, drivers[:1], place, sent)
